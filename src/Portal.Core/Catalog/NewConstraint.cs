using Portal.Core.Provisioning;

namespace Portal.Core.Catalog;

/// <summary>
/// A constraint to create. ParametersJson is the constraint's JSON text, e.g. {"RoleArn":"…"} for LAUNCH or {"Rules":{…}} for TEMPLATE.
/// </summary>
public sealed record NewConstraint(
    string PortfolioId,
    string ProductId,
    string Type,
    string ParametersJson,
    string? Description = null,
    IdempotencyToken? Token = null);
