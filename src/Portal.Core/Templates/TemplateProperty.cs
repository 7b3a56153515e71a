namespace Portal.Core.Templates;

/// <summary>One key and value of a mapping, with the key's position.</summary>
public sealed record TemplateProperty(string Key, SourcePosition KeyPosition, TemplateValue Value);
