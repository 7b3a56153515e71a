using Portal.Core.Common;
using Portal.Core.Provisioning;

namespace Portal.Core.Catalog;

/// <summary>A CloudFormation product to create with its first version.</summary>
public sealed record NewProduct(
    string Name,
    string Owner,
    NewProductVersion FirstVersion,
    string? Description = null,
    string? Distributor = null,
    string? SupportEmail = null,
    IReadOnlyList<ResourceTag>? Tags = null,
    IdempotencyToken? Token = null);
