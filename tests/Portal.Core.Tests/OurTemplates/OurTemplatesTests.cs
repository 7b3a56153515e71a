using Portal.Core.Guardrails;
using Portal.Core.Templates;
using Portal.TestKit;

namespace Portal.Core.Tests.OurTemplates;

/// <summary>The templates under templates/ keep the security promises the portal's own guardrails check.</summary>
public class OurTemplatesTests
{
    private static readonly GuardrailEngine Engine = new(TimeProvider.System);

    public static TheoryData<string> Templates => new(
        "platform/foundation.yaml",
        "environment/project-environment.yaml",
        "products/sagemaker-notebook/v1.yaml",
        "products/sagemaker-notebook/v2.yaml");

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Every_template_parses_without_errors(string path)
    {
        var analysis = await TemplateAnalyzer.AnalyzeFileAsync(Full(path), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(analysis.IsValid, string.Join("\n", analysis.Errors));
    }

    [Theory]
    [InlineData("platform/foundation.yaml")]
    [InlineData("environment/project-environment.yaml")]
    [InlineData("products/sagemaker-notebook/v2.yaml")]
    public async Task Every_current_template_has_no_finding_of_high_severity_or_above(string path)
    {
        var report = await EvaluateAsync(path);

        var serious = report.Findings.Where(f => f.Severity >= GuardrailSeverity.High).ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(f => $"{f.RuleId} {f.ResourceId}.{f.PropertyPath} (line {f.Line}): {f.Message}")));
    }

    [Fact]
    public async Task Notebook_version_1_is_flagged_only_for_the_missing_preventive_job_controls_that_version_2_adds()
    {
        var v1 = await EvaluateAsync("products/sagemaker-notebook/v1.yaml");
        var v2 = await EvaluateAsync("products/sagemaker-notebook/v2.yaml");

        var v1Serious = v1.Findings.Where(f => f.Severity >= GuardrailSeverity.High).ToList();
        Assert.NotEmpty(v1Serious);

        // Lab 5's gap: the notebook role may start jobs without VPC, KMS or inter-container encryption.
        Assert.All(v1Serious, f => Assert.Equal("NotebookExecutionRole", f.ResourceId));
        Assert.All(v1Serious, f => Assert.DoesNotContain(f.RuleId, v2.Findings.Select(x => x.RuleId)));
    }

    [Fact]
    public void A_managed_policy_used_only_as_a_permissions_boundary_is_not_judged_as_a_grant()
    {
        const string Template = """
            Resources:
              Boundary:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Action: sagemaker:CreateTrainingJob
                        Resource: '*'
              Grant:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Action: sagemaker:CreateTrainingJob
                        Resource: '*'
              Worker:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
                  PermissionsBoundary: !Ref Boundary
                  ManagedPolicyArns: [!Ref Grant]
            """;
        var analysis = TemplateAnalyzer.Analyze(Template, cancellationToken: TestContext.Current.CancellationToken);

        var report = Engine.Evaluate(analysis.Template!, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(report.Findings, f => f.RuleId == "IAM-003" && f.ResourceId == "Grant");
        Assert.DoesNotContain(report.Findings, f => f.ResourceId == "Boundary");
    }

    private static async Task<GuardrailReport> EvaluateAsync(string path)
    {
        var analysis = await TemplateAnalyzer.AnalyzeFileAsync(Full(path), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(analysis.IsValid, string.Join("\n", analysis.Errors));
        return Engine.Evaluate(analysis.Template!, cancellationToken: TestContext.Current.CancellationToken);
    }

    private static string Full(string path) => Path.Combine(TestPaths.RepositoryRoot, "templates", path);
}
