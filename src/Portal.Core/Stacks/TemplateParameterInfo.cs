namespace Portal.Core.Stacks;

/// <summary>A template parameter as the cloud's validator reports it.</summary>
public sealed record TemplateParameterInfo(string Key, string? DefaultValue, bool NoEcho, string? Description);
