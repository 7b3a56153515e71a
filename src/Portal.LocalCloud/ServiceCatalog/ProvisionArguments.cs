using Portal.LocalCloud.State;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>The members of ProvisionProduct.</summary>
public sealed record ProvisionArguments(string? ProductId, string? ProductName, string? ArtifactId, string? ArtifactName, string? PathId, string? PathName, string Name, IReadOnlyDictionary<string, string> Parameters, IReadOnlyList<Tag> Tags, string Token);
