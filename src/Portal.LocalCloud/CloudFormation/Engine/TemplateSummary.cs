namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>ValidateTemplate's answer.</summary>
public sealed record TemplateSummary(
    string? Description,
    IReadOnlyList<ParameterDeclaration> Parameters,
    IReadOnlyList<string> Capabilities,
    string? CapabilitiesReason,
    IReadOnlyList<string> DeclaredTransforms);
