using Portal.Core.Guardrails;

namespace Portal.Core.Tests.Guardrails;

public class BaselineRuleTests
{
    public static TheoryData<string> RuleIds => new(RuleCases.All.Select(c => c.RuleId));

    private static GuardrailReport Evaluate(string resources) =>
        new GuardrailEngine(TimeProvider.System).Evaluate(TestTemplates.Parse(RuleCases.Template(resources)), cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void Every_baseline_rule_has_a_compliant_and_a_non_compliant_case()
    {
        Assert.Equal(BaselineRules.All.Select(r => r.Id).Order(), RuleCases.All.Select(c => c.RuleId).Order());
        Assert.All(BaselineRules.All, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Rationale));
            Assert.False(string.IsNullOrWhiteSpace(rule.Remediation));
            Assert.StartsWith("https://docs.aws.amazon.com/", rule.DocumentationTopic, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_reports_the_non_compliant_resource(string ruleId)
    {
        var report = Evaluate(RuleCases.All.Single(c => c.RuleId == ruleId).NonCompliant);

        var finding = Assert.Single(report.Findings, f => f.RuleId == ruleId);
        Assert.True(finding.Line > 1, $"{ruleId} should point at a line: {finding}");
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_silent_for_the_compliant_resource(string ruleId)
    {
        var report = Evaluate(RuleCases.All.Single(c => c.RuleId == ruleId).Compliant);

        Assert.DoesNotContain(report.Findings, f => f.RuleId == ruleId);
    }
}
