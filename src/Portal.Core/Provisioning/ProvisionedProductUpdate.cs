namespace Portal.Core.Provisioning;

/// <summary>An update of a provisioned product, e.g. to a new product version with every parameter kept.</summary>
public sealed record ProvisionedProductUpdate(
    string ProvisionedProductId,
    string? VersionId,
    string? PathId,
    IReadOnlyList<ParameterValue> Parameters,
    IdempotencyToken Token);
