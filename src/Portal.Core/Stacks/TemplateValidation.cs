namespace Portal.Core.Stacks;

/// <summary>What the cloud's template validator found: parameters and the capabilities a stack needs.</summary>
public sealed record TemplateValidation(
    string? Description,
    IReadOnlyList<TemplateParameterInfo> Parameters,
    IReadOnlyList<string> Capabilities,
    string? CapabilitiesReason);
