using System.Globalization;
using Portal.Core.Catalog;
using Portal.Core.Common;
using Portal.Core.Provisioning;

namespace Portal.Aws.ServiceCatalog;

/// <summary>Wire shapes → Core records.</summary>
internal static class ServiceCatalogMapping
{
    public static Portfolio ToPortfolio(ScPortfolioDetail? d) =>
        new(d?.Id ?? string.Empty, d?.ARN ?? string.Empty, d?.DisplayName ?? string.Empty, d?.Description, d?.ProviderName, d?.CreatedTime);

    public static Product ToProduct(ScProductViewSummary? s) =>
        new(s?.ProductId ?? s?.Id ?? string.Empty, s?.Id, s?.Name ?? string.Empty, s?.Owner, s?.Type, s?.ShortDescription, s?.Distributor);

    public static ProductVersion ToVersion(ScProvisioningArtifactDetail? d) =>
        new(d?.Id ?? string.Empty, d?.Name ?? string.Empty, d?.Description, d?.Type, d?.CreatedTime, d?.Active, d?.Guidance);

    public static ProductDetail ToProductDetail(ScProductViewDetail? d, IEnumerable<ProductVersion>? versions, IReadOnlyList<ScTag>? tags) =>
        new(ToProduct(d?.ProductViewSummary), d?.Status, d?.ProductARN, d?.CreatedTime, versions?.ToList() ?? [], ToTags(tags));

    public static IReadOnlyList<ResourceTag> ToTags(IReadOnlyList<ScTag>? tags) =>
        tags?.Select(t => new ResourceTag(t.Key ?? string.Empty, t.Value ?? string.Empty)).ToList() ?? [];

    public static IReadOnlyList<ScTag>? FromTags(IReadOnlyList<ResourceTag>? tags) =>
        tags is null || tags.Count == 0 ? null : tags.Select(t => new ScTag { Key = t.Key, Value = t.Value }).ToList();

    public static CatalogConstraint ToConstraint(ScConstraintDetail? d, string? status) =>
        new(d?.ConstraintId ?? string.Empty, d?.Type ?? string.Empty, d?.Description, d?.Owner, d?.ProductId, d?.PortfolioId, status);

    public static ScProvisioningArtifactProperties ToArtifactProperties(NewProductVersion version) => new()
    {
        Name = version.Name,
        Description = version.Description,
        Info = new Dictionary<string, string>(StringComparer.Ordinal) { ["LoadTemplateFromURL"] = version.TemplateUrl },
        Type = "CLOUD_FORMATION_TEMPLATE",
        DisableTemplateValidation = version.DisableTemplateValidation ? true : null,
    };

    public static ProvisioningRecord ToRecord(ScRecordDetail? d, IReadOnlyList<ScRecordOutput>? outputs = null) => new(
        d?.RecordId ?? string.Empty,
        d?.Status,
        d?.RecordType,
        d?.ProvisionedProductId,
        d?.ProvisionedProductName,
        d?.ProductId,
        d?.ProvisioningArtifactId,
        d?.PathId,
        d?.CreatedTime,
        d?.UpdatedTime,
        d?.RecordErrors?.Select(e => new RecordError(e.Code, e.Description)).ToList() ?? [],
        ToOutputs(outputs));

    public static IReadOnlyList<RecordOutput> ToOutputs(IReadOnlyList<ScRecordOutput>? outputs) =>
        outputs?.Select(o => new RecordOutput(o.OutputKey ?? string.Empty, o.OutputValue, o.Description)).ToList() ?? [];

    public static ProvisionedProduct ToProvisionedProduct(ScProvisionedProductAttribute a) => new(
        a.Id ?? string.Empty, a.Name ?? string.Empty, a.Arn, a.Type, a.Status, a.StatusMessage, a.CreatedTime, a.LastRecordId,
        a.ProductId, a.ProductName, a.ProvisioningArtifactId, a.ProvisioningArtifactName, a.UserArn, null, ToTags(a.Tags));

    public static ProvisionedProduct ToProvisionedProduct(ScProvisionedProductDetail? d) => new(
        d?.Id ?? string.Empty, d?.Name ?? string.Empty, d?.Arn, d?.Type, d?.Status, d?.StatusMessage, d?.CreatedTime, d?.LastRecordId,
        d?.ProductId, null, d?.ProvisioningArtifactId, null, null, d?.LaunchRoleArn, []);

    public static LaunchParameter ToLaunchParameter(ScProvisioningArtifactParameter p) => new(
        p.ParameterKey ?? string.Empty,
        p.DefaultValue,
        p.ParameterType,
        p.IsNoEcho ?? false,
        p.Description,
        p.ParameterConstraints?.AllowedValues ?? [],
        p.ParameterConstraints?.AllowedPattern,
        p.ParameterConstraints?.ConstraintDescription,
        ParseInt(p.ParameterConstraints?.MinLength),
        ParseInt(p.ParameterConstraints?.MaxLength),
        p.ParameterConstraints?.MinValue,
        p.ParameterConstraints?.MaxValue);

    public static ScAccessLevelFilter ToAccessLevel(ProvisionedProductScope scope) => new()
    {
        Key = scope switch { ProvisionedProductScope.Account => "Account", ProvisionedProductScope.Role => "Role", _ => "User" },
        Value = "self",
    };

    private static int? ParseInt(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
