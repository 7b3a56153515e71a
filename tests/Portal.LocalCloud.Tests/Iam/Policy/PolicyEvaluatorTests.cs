using Portal.LocalCloud.Iam.Policy;

namespace Portal.LocalCloud.Tests.Iam.Policy;

public class PolicyEvaluatorTests
{
    private static NamedPolicy Inline(string name, string statements, string version = "2012-10-17") =>
        new(name, PolicySourceType.Role, PolicyDocument.Parse($$"""{"Version":"{{version}}","Statement":{{statements}}}"""));

    private static PolicyEvaluationResult Evaluate(string action, string resource, params NamedPolicy[] policies) =>
        PolicyEvaluator.Evaluate(policies, action, resource, new RequestContext().Set("aws:username", "alice"));

    [Fact]
    public void An_explicit_deny_in_any_policy_beats_an_allow_in_another()
    {
        var allow = Inline("allow", """{"Effect":"Allow","Action":"s3:*","Resource":"*"}""");
        var deny = Inline("deny", """[{"Sid":"NoDelete","Effect":"Deny","Action":"s3:Delete*","Resource":"arn:aws:s3:::data/*"}]""");
        var result = Evaluate("s3:DeleteObject", "arn:aws:s3:::data/a.csv", allow, deny);
        Assert.Equal(EvaluationDecision.ExplicitDeny, result.Decision);
        var matched = Assert.Single(result.MatchedStatements);
        Assert.Equal(("deny", "role", "NoDelete", 0), (matched.SourcePolicyId, matched.SourcePolicyType, matched.Sid, matched.StatementIndex));
        Assert.Equal(EvaluationDecision.Allowed, Evaluate("s3:GetObject", "arn:aws:s3:::data/a.csv", allow, deny).Decision);
    }

    [Fact]
    public void Nothing_allowed_is_an_implicit_deny_without_matched_statements()
    {
        var result = Evaluate("kms:Decrypt", "arn:aws:kms:eu-west-2:1:key/k", Inline("p", """{"Effect":"Allow","Action":"s3:*","Resource":"*"}"""));
        Assert.Equal(EvaluationDecision.ImplicitDeny, result.Decision);
        Assert.Empty(result.MatchedStatements);
        Assert.Equal("because no identity-based policy allows the kms:Decrypt action", AccessDeniedMessage.Reason(result));
    }

    [Fact]
    public void Actions_match_case_insensitively_with_wildcards()
    {
        var policy = Inline("p", """{"Effect":"Allow","Action":["SageMaker:Describe*","s3:Get?bject"],"Resource":"*"}""");
        Assert.True(Evaluate("sagemaker:DescribeNotebookInstance", "*", policy).IsAllowed);
        Assert.True(Evaluate("s3:GetObject", "*", policy).IsAllowed);
        Assert.False(Evaluate("sagemaker:CreateNotebookInstance", "*", policy).IsAllowed);
    }

    [Fact]
    public void NotAction_covers_every_other_action()
    {
        var policy = Inline("p", """{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}""");
        Assert.True(Evaluate("s3:ListBucket", "*", policy).IsAllowed);
        Assert.False(Evaluate("iam:CreateUser", "*", policy).IsAllowed);
    }

    [Fact]
    public void Resources_match_case_sensitively_and_wildcards_cross_slashes_but_not_the_first_five_colons()
    {
        var policy = Inline("p", """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*/test/*"}""");
        Assert.True(Evaluate("s3:GetObject", "arn:aws:s3:::bucket/1/2/test/3/x", policy).IsAllowed);
        Assert.False(Evaluate("s3:GetObject", "arn:aws:s3:::Bucket/1/test/3", policy).IsAllowed);
        var regional = Inline("r", """{"Effect":"Allow","Action":"sagemaker:*","Resource":"arn:aws:sagemaker:eu-west-?:*:notebook-instance/*"}""");
        Assert.True(Evaluate("sagemaker:StartNotebookInstance", "arn:aws:sagemaker:eu-west-2:123456789012:notebook-instance/nb", regional).IsAllowed);
        Assert.False(Evaluate("sagemaker:StartNotebookInstance", "arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/nb", regional).IsAllowed);
    }

    [Fact]
    public void NotResource_applies_to_every_other_resource()
    {
        var full = AwsManagedPolicies.Find("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess")!;
        Assert.True(Evaluate("sagemaker:CreateTrainingJob", "arn:aws:sagemaker:eu-west-2:1:training-job/t", full).IsAllowed);
        Assert.False(Evaluate("sagemaker:CreateDomain", "arn:aws:sagemaker:eu-west-2:1:domain/d-1", full).IsAllowed);
        Assert.True(Evaluate("sagemaker:CreateTrainingJob", "*", full).IsAllowed);
    }

    [Fact]
    public void Resource_variables_need_version_2012_10_17()
    {
        var modern = Inline("p", """{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:username}/*"}""");
        var legacy = Inline("p", """{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:username}/*"}""", "2008-10-17");
        Assert.True(Evaluate("s3:GetObject", "arn:aws:s3:::home/alice/x", modern).IsAllowed);
        Assert.False(Evaluate("s3:GetObject", "arn:aws:s3:::home/bob/x", modern).IsAllowed);
        Assert.False(Evaluate("s3:GetObject", "arn:aws:s3:::home/alice/x", legacy).IsAllowed);
    }

    [Fact]
    public void A_permissions_boundary_gates_but_grants_nothing()
    {
        var identity = new[] { Inline("p", """{"Effect":"Allow","Action":["s3:*","kms:*"],"Resource":"*"}""") };
        var boundary = PolicyDocument.Parse("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:*","sagemaker:*"],"Resource":"*"}}""");
        Assert.True(PolicyEvaluator.Evaluate(identity, "s3:GetObject", "*", new RequestContext(), boundary).IsAllowed);
        var kms = PolicyEvaluator.Evaluate(identity, "kms:Decrypt", "*", new RequestContext(), boundary);
        Assert.Equal((EvaluationDecision.ImplicitDeny, DenyingPolicyKind.PermissionsBoundary), (kms.Decision, kms.DecidedBy));
        Assert.Equal("because no permissions boundary allows the kms:Decrypt action", AccessDeniedMessage.Reason(kms));
        Assert.False(PolicyEvaluator.Evaluate(identity, "sagemaker:ListModels", "*", new RequestContext(), boundary).IsAllowed);
    }

    [Theory]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*"}}""", "Policy statement must contain resources.")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Resource":"*"}}""", "Policy statement must contain actions.")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Maybe","Action":"s3:*","Resource":"*"}}""", "Invalid effect: Maybe")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}""", "Policy document should not specify a principal.")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"listbuckets","Resource":"*"}}""", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.")]
    [InlineData("not json", "Syntax errors in policy.")]
    public void Malformed_identity_policies_are_refused(string json, string message) =>
        Assert.Equal(message, Assert.Throws<PolicyFormatException>(() => PolicyDocument.Parse(json)).Message);

    [Fact]
    public void Trust_policies_carry_principals()
    {
        var trust = PolicyDocument.Parse(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["sagemaker.amazonaws.com"]},"Action":"sts:AssumeRole"}]}""",
            PolicyKind.Trust);
        Assert.Equal(["sagemaker.amazonaws.com"], trust.Statements[0].Principal!.Of("Service"));
    }

    [Fact]
    public void Simulating_with_specific_resources_reports_per_resource_results()
    {
        var policy = Inline("p", """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*"}""");
        var result = Assert.Single(PolicySimulator.SimulatePrincipalPolicy([policy], ["s3:GetObject"], ["arn:aws:s3:::a/x", "arn:aws:s3:::b/x"], null));
        Assert.Equal("implicitDeny", result.EvalDecision);
        Assert.Equal(["allowed", "implicitDeny"], result.ResourceSpecificResults.Select(r => r.EvalDecision));
        var star = Assert.Single(PolicySimulator.SimulatePrincipalPolicy([policy], ["s3:GetObject"], null, null));
        Assert.Equal("implicitDeny", star.EvalDecision);
    }

    [Fact]
    public void Matched_statements_carry_positions_just_after_their_braces()
    {
        var policy = new NamedPolicy("Grant-Access-To-CodeCommit-ListRepo", PolicySourceType.User, PolicyDocument.Parse(
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"codecommit:ListRepositories","Resource":"*"}}"""));
        var matched = Assert.Single(PolicyEvaluator.Evaluate([policy], "codecommit:ListRepositories", "*", new RequestContext()).MatchedStatements);
        Assert.Equal(new PolicyPosition(1, 38), matched.StartPosition);
        Assert.Equal(new PolicyPosition(1, 109), matched.EndPosition);

        var multiLine = PolicyDocument.Parse("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}\n  ]\n}");
        Assert.Equal(new PolicyPosition(4, 6), multiLine.Statements[0].StartPosition);
    }
}
