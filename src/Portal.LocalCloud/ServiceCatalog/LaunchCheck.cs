namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>What a provisioning engine checks before a launch or update is accepted (TEMPLATE constraint rules).</summary>
public sealed record LaunchCheck(
    ServiceCatalogStore Store,
    string AccountId,
    string Region,
    string PortfolioId,
    ScProduct Product,
    ScArtifact Artifact,
    IReadOnlyDictionary<string, string> Parameters);
