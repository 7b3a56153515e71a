namespace Portal.Core.Templates;

/// <summary>A problem with a template, at a line and column, in words a template author understands.</summary>
/// <param name="Code">Stable code, see <see cref="TemplateErrorCodes"/>.</param>
/// <param name="Message">What is wrong and, where it helps, how to fix it.</param>
/// <param name="Line">1-based line (0 when unknown).</param>
/// <param name="Column">1-based column (0 when unknown).</param>
public sealed record TemplateDiagnostic(string Code, string Message, int Line, int Column)
{
    public TemplateDiagnostic(string code, string message, SourcePosition position)
        : this(code, message, position.Line, position.Column)
    {
    }

    public override string ToString() => $"{Line}:{Column} {Code} {Message}";
}
