using Portal.LocalCloud.State;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>The members of UpdateProvisionedProduct (parameters as value or UsePreviousValue).</summary>
public sealed record UpdateArguments(string? ProvisionedProductId, string? ProvisionedProductName, string? ProductId, string? ProductName, string? ArtifactId, string? ArtifactName, string? PathId, string? PathName, IReadOnlyDictionary<string, (string? Value, bool UsePrevious)> Parameters, IReadOnlyList<Tag> Tags, string Token);
