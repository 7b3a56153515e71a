namespace Portal.Core.Templates;

/// <summary>One assertion of a template (or Service Catalog) rule.</summary>
public sealed record TemplateRuleAssertion(TemplateValue Assert, string? Description);
