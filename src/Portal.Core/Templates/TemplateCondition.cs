namespace Portal.Core.Templates;

/// <summary>A named condition from the <c>Conditions</c> section.</summary>
public sealed record TemplateCondition(string Name, TemplateValue Expression, SourcePosition Position);
