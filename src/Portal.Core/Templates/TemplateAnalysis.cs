namespace Portal.Core.Templates;

/// <summary>The outcome of reading a template: the model (when the text could be parsed) and every problem found.</summary>
public sealed record TemplateAnalysis(string? FileName, CloudFormationTemplate? Template, IReadOnlyList<TemplateDiagnostic> Errors)
{
    /// <summary>True when the template parsed and has no errors.</summary>
    public bool IsValid => Template is not null && Errors.Count == 0;
}
