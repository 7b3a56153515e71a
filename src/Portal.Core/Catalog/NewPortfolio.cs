using Portal.Core.Common;
using Portal.Core.Provisioning;

namespace Portal.Core.Catalog;

/// <summary>A portfolio to create. Token: leave null to let the gateway create one for this call.</summary>
public sealed record NewPortfolio(
    string DisplayName,
    string ProviderName,
    string? Description = null,
    IReadOnlyList<ResourceTag>? Tags = null,
    IdempotencyToken? Token = null);
