namespace Portal.Core.Provisioning;

/// <summary>Removal of a provisioned product.</summary>
public sealed record TerminationRequest(string ProvisionedProductId, IdempotencyToken Token, bool IgnoreErrors = false, bool RetainPhysicalResources = false);
