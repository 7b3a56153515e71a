using Portal.Core.Common;

namespace Portal.Core.Provisioning;

/// <summary>A product launch. ProvisionedProductName: 1-128 of letters, digits, '.', '_' and '-', starting alphanumeric.</summary>
public sealed record ProvisionRequest(
    string ProductId,
    string VersionId,
    string? PathId,
    string ProvisionedProductName,
    IReadOnlyList<ParameterValue> Parameters,
    IdempotencyToken Token,
    IReadOnlyList<ResourceTag>? Tags = null);
