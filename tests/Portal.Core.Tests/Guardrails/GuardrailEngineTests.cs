using Portal.Core.Guardrails;

namespace Portal.Core.Tests.Guardrails;

public class GuardrailEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static GuardrailReport Evaluate(string template, TimeProvider? clock = null, params FindingAcceptance[] acceptances) =>
        new GuardrailEngine(clock ?? TimeProvider.System).Evaluate(TestTemplates.Parse(template), acceptances, TestContext.Current.CancellationToken);

    [Fact]
    public void A_property_from_a_parameter_whose_allowed_values_include_an_unsafe_value_is_a_finding()
    {
        var template = "Parameters:\n  InternetAccess: { Type: String, Default: Disabled, AllowedValues: [Enabled, Disabled] }\n"
            + RuleCases.Template(RuleCases.Notebook("DirectInternetAccess: !Ref InternetAccess", "RootAccess: Disabled"));

        var finding = Assert.Single(Evaluate(template).Findings);

        Assert.Equal("SM-NB-001", finding.RuleId);
        Assert.Contains("parameter 'InternetAccess' allows 'Enabled'", finding.Message, StringComparison.Ordinal);
        Assert.Equal(15, finding.Line);
    }

    [Fact]
    public void A_parameter_restricted_to_the_safe_value_is_not_a_finding()
    {
        var template = "Parameters:\n  InternetAccess: { Type: String, AllowedValues: [Disabled] }\n"
            + RuleCases.Template(RuleCases.Notebook("DirectInternetAccess: !Ref InternetAccess", "RootAccess: Disabled"));

        Assert.Empty(Evaluate(template).Findings);
    }

    [Fact]
    public void A_free_text_parameter_is_a_finding_because_it_accepts_the_unsafe_value()
    {
        var template = "Parameters:\n  Root: { Type: String, Default: Disabled }\n"
            + RuleCases.Template(RuleCases.Notebook("DirectInternetAccess: Disabled", "RootAccess: !Ref Root"));

        var finding = Assert.Single(Evaluate(template).Findings);

        Assert.Equal("SM-NB-002", finding.RuleId);
        Assert.Contains("accepts any value", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_branches_of_an_if_are_checked()
    {
        var template = "Parameters:\n  Env: { Type: String, AllowedValues: [dev, prod] }\nConditions:\n  IsDev: !Equals [!Ref Env, dev]\n"
            + RuleCases.Template(RuleCases.Notebook("DirectInternetAccess: Disabled", "RootAccess: !If [IsDev, Enabled, Disabled]"));

        var finding = Assert.Single(Evaluate(template).Findings);

        Assert.Equal("SM-NB-002", finding.RuleId);
        Assert.Contains("when condition 'IsDev' is true", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_novalue_branch_counts_as_absent()
    {
        var template = "Conditions:\n  C: !Equals [a, b]\n"
            + RuleCases.Template(RuleCases.Notebook("DirectInternetAccess: Disabled", "RootAccess: !If [C, Disabled, !Ref AWS::NoValue]"));

        Assert.Contains("default 'Enabled'", Assert.Single(Evaluate(template).Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_found_in_mappings_are_checked()
    {
        var template = "Mappings:\n  Access:\n    dev: { Internet: Enabled }\n    prod: { Internet: Disabled }\nParameters:\n  Env: { Type: String }\n"
            + RuleCases.Template(RuleCases.Notebook("DirectInternetAccess: !FindInMap [Access, !Ref Env, Internet]", "RootAccess: Disabled"));

        var finding = Assert.Single(Evaluate(template).Findings);

        Assert.Contains("mapping 'Access.dev.Internet'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_resources_are_judged_by_the_same_rules()
    {
        var notebook = new ResourceDescription("AWS::SageMaker::NotebookInstance", "ds-notebook-p-dev-alice", new Dictionary<string, object?>
        {
            ["DirectInternetAccess"] = "Enabled",
            ["RootAccess"] = "Disabled",
            ["KmsKeyId"] = "key-1",
            ["SubnetId"] = "subnet-1",
            ["SecurityGroupIds"] = new List<object?> { "sg-1" },
        });

        var report = new GuardrailEngine(TimeProvider.System).Evaluate([notebook], cancellationToken: TestContext.Current.CancellationToken);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("SM-NB-001", "ds-notebook-p-dev-alice", 0), (finding.RuleId, finding.ResourceId, finding.Line));
    }

    [Fact]
    public void Live_json_properties_are_understood()
    {
        using var json = System.Text.Json.JsonDocument.Parse("""{"Scheme":"internet-facing","Type":"application"}""");
        var balancer = new ResourceDescription("AWS::ElasticLoadBalancingV2::LoadBalancer", "arn:lb", json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value));

        var report = new GuardrailEngine(TimeProvider.System).Evaluate([balancer], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("NET-005", Assert.Single(report.Findings).RuleId);
    }

    [Fact]
    public void An_accepted_finding_is_reported_separately_until_its_acceptance_expires()
    {
        var clock = new FixedClock(Now);
        var template = RuleCases.Template("  Igw:\n    Type: AWS::EC2::InternetGateway\n");
        var acceptance = FindingAcceptance.Create("NET-001", "Igw", "Shared services VPC hosts the package mirror sync.", "security-lead", Now.AddDays(30), clock).Value;

        var accepted = Evaluate(template, clock, acceptance);
        clock.Now = Now.AddDays(31);
        var expired = Evaluate(template, clock, acceptance);

        Assert.Empty(accepted.Findings);
        Assert.Equal("NET-001", Assert.Single(accepted.Accepted).Finding.RuleId);
        Assert.Equal("NET-001", Assert.Single(expired.Findings).RuleId);
        Assert.Empty(expired.Accepted);
        Assert.Same(acceptance, Assert.Single(expired.ExpiredAcceptances));
    }

    [Fact]
    public void An_acceptance_covers_only_its_rule_and_resource()
    {
        var clock = new FixedClock(Now);
        var template = RuleCases.Template("  Igw:\n    Type: AWS::EC2::InternetGateway\n  Nat:\n    Type: AWS::EC2::NatGateway\n");
        var acceptance = FindingAcceptance.Create("NET-001", "Other", "Different resource entirely.", "lead", Now.AddDays(1), clock).Value;

        var report = Evaluate(template, clock, acceptance);

        Assert.Equal(2, report.Findings.Count);
        Assert.Empty(report.Accepted);
    }

    [Theory]
    [InlineData("", "lead", 1, "acceptance.justification")]
    [InlineData("Because we must.", "", 1, "acceptance.approver")]
    [InlineData("Because we must.", "lead", -1, "acceptance.expiry")]
    public void An_acceptance_without_justification_approver_or_future_expiry_is_refused(string justification, string approver, int days, string code)
    {
        var result = FindingAcceptance.Create("NET-001", "Igw", justification, approver, Now.AddDays(days), new FixedClock(Now));

        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public void Findings_are_ordered_by_severity_and_carry_the_file_name()
    {
        var template = TestTemplates.Analyze(RuleCases.Template("  Key:\n    Type: AWS::KMS::Key\n  Policy:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      PolicyDocument: { Statement: [ { Effect: Allow, Action: '*', Resource: '*' } ] }\n"), "env.yaml").Template!;

        var report = new GuardrailEngine(TimeProvider.System).Evaluate(template, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(GuardrailSeverity.Critical, report.HighestSeverity);
        Assert.Equal("IAM-001", report.Findings[0].RuleId);
        Assert.All(report.Findings, f => Assert.Equal("env.yaml", f.FileName));
        Assert.True(report.HasFindingsAtOrAbove(GuardrailSeverity.Medium));
    }

    [Fact]
    public void A_bucket_without_any_public_access_block_gets_one_finding_not_four()
    {
        var report = Evaluate(RuleCases.Template("  Bucket:\n    Type: AWS::S3::Bucket\n"));

        var finding = Assert.Single(report.Findings, f => f.RuleId == "S3-002");
        Assert.Equal(("PublicAccessBlockConfiguration", 2), (finding.PropertyPath, finding.Line));
    }

    [Fact]
    public void A_bucket_policy_that_names_the_bucket_literally_applies_to_it()
    {
        const string template = """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties: { BucketName: ds-data-p-dev }
              Policy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: ds-data-p-dev
                  PolicyDocument:
                    Statement:
                      - { Effect: Deny, Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { aws:SecureTransport: 'false' } } }
            """;

        var rules = Evaluate(template).Findings.Select(f => f.RuleId).ToList();

        Assert.DoesNotContain("S3-003", rules);
        Assert.Contains("S3-004", rules);
    }

    [Fact]
    public void An_empty_encryption_list_counts_as_no_encryption()
    {
        var report = Evaluate(RuleCases.Template("  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption: { ServerSideEncryptionConfiguration: [] }\n"));

        Assert.StartsWith("BucketEncryption.ServerSideEncryptionConfiguration", Assert.Single(report.Findings, f => f.RuleId == "S3-001").PropertyPath, StringComparison.Ordinal);
    }
}
