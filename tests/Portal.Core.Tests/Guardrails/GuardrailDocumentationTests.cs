using Portal.Core.Guardrails;
using Portal.TestKit;

namespace Portal.Core.Tests.Guardrails;

public class GuardrailDocumentationTests
{
    [Fact]
    public void The_guardrail_guide_explains_every_rule()
    {
        var guide = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "guardrails.md"));

        Assert.All(BaselineRules.All, rule =>
        {
            Assert.Contains($"### {rule.Id}", guide, StringComparison.Ordinal);
            Assert.Contains(rule.Title, guide, StringComparison.Ordinal);
            Assert.Contains(rule.DocumentationTopic, guide, StringComparison.Ordinal);
        });
    }
}
