using System.Text;

namespace Portal.Core.Templates;

/// <summary>
/// Entry point of template analysis: parses YAML or JSON text into a <see cref="CloudFormationTemplate"/>
/// and reports every problem with its line and column. Never throws on bad input.
/// </summary>
public static class TemplateAnalyzer
{
    /// <summary>Parses and checks a template.</summary>
    /// <param name="text">The template body (YAML with short-form tags, or JSON).</param>
    /// <param name="fileName">Shown in messages and kept on the model; optional.</param>
    /// <param name="limits">Size, depth and alias bounds; <see cref="TemplateLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops a long analysis (throws <see cref="OperationCanceledException"/>).</param>
    public static TemplateAnalysis Analyze(string text, string? fileName = null, TemplateLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= TemplateLimits.Default;
        var diagnostics = new List<TemplateDiagnostic>();
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > limits.MaxBytes)
        {
            diagnostics.Add(new TemplateDiagnostic(TemplateErrorCodes.TooLarge, $"The template is {bytes:N0} bytes; CloudFormation accepts at most {limits.MaxBytes:N0} bytes. Split it into nested stacks.", new SourcePosition(1, 1)));
            return new TemplateAnalysis(fileName, null, diagnostics);
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var root = TemplateTreeReader.Read(text, limits, diagnostics, cancellationToken);
        if (root is null)
        {
            return new TemplateAnalysis(fileName, null, diagnostics);
        }

        var template = TemplateModelBuilder.Build(root, fileName, diagnostics);
        if (template is not null)
        {
            TemplateReferenceChecker.Check(template, diagnostics, cancellationToken);
        }

        var ordered = diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        return new TemplateAnalysis(fileName, template, ordered);
    }

    /// <summary>Reads a template file and analyses it.</summary>
    public static async Task<TemplateAnalysis> AnalyzeFileAsync(string path, TemplateLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= TemplateLimits.Default;
        var info = new FileInfo(path);
        if (info.Exists && info.Length > limits.MaxBytes * 4L)
        {
            return new TemplateAnalysis(path, null, [new TemplateDiagnostic(TemplateErrorCodes.TooLarge, $"The template is {info.Length:N0} bytes; CloudFormation accepts at most {limits.MaxBytes:N0} bytes.", new SourcePosition(1, 1))]);
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Analyze(text, path, limits, cancellationToken);
    }
}
