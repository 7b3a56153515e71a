using Portal.Core.Templates;

namespace Portal.Core.Tests;

/// <summary>Parses templates in tests with the test's cancellation token.</summary>
internal static class TestTemplates
{
    public static TemplateAnalysis Analyze(string text, string? fileName = null, TemplateLimits? limits = null) =>
        TemplateAnalyzer.Analyze(text, fileName, limits, TestContext.Current.CancellationToken);

    /// <summary>Parses a template that must be free of errors.</summary>
    public static CloudFormationTemplate Parse(string text)
    {
        var analysis = Analyze(text);
        Assert.True(analysis.IsValid, string.Join(Environment.NewLine, analysis.Errors));
        return analysis.Template!;
    }
}
