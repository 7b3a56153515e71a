using Portal.Aws.Protocols;
using Portal.Core.Catalog;
using Portal.Core.Common;
using Portal.Core.Identity;
using static Portal.Aws.ServiceCatalog.ServiceCatalogMapping;
using Ops = Portal.Aws.ServiceCatalog.ServiceCatalogOperations;

namespace Portal.Aws.ServiceCatalog;

/// <summary>End-user browsing over Service Catalog; runs under the persona role, which is what the catalog shows products to.</summary>
internal sealed class ServiceCatalogProductGateway : IProductCatalogGateway
{
    private readonly AwsJsonProtocolClient _client;

    public ServiceCatalogProductGateway(AwsJsonProtocolClient client) => _client = client;

    public IAsyncEnumerable<Product> SearchProductsAsync(ActingIdentity identity, string? fullTextSearch, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(
                Ops.SearchProducts,
                new ScSearchProductsRequest
                {
                    Filters = string.IsNullOrWhiteSpace(fullTextSearch) ? null : new() { ["FullTextSearch"] = [fullTextSearch] },
                    PageToken = token,
                    PageSize = 100,
                },
                identity,
                ct),
            page => page.ProductViewSummaries?.Select(ToProduct),
            page => page.NextPageToken,
            cancellationToken);

    public async Task<Result<LaunchableProduct>> DescribeProductAsync(ActingIdentity identity, string productId, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.DescribeProduct, new ScIdRequest { Id = productId }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => new LaunchableProduct(
            ToProduct(r.ProductViewSummary),
            r.ProvisioningArtifacts?.Select(a => new ProductVersion(a.Id ?? string.Empty, a.Name ?? string.Empty, a.Description, null, a.CreatedTime, null, a.Guidance)).ToList() ?? [],
            r.LaunchPaths?.Select(p => new LaunchPath(p.Id ?? string.Empty, p.Name)).ToList() ?? []));
    }

    public async Task<Result<LaunchOptions>> DescribeLaunchOptionsAsync(ActingIdentity identity, string productId, string versionId, string? pathId, CancellationToken cancellationToken)
    {
        var request = new ScDescribeProvisioningParametersRequest { ProductId = productId, ProvisioningArtifactId = versionId, PathId = pathId };
        var response = await _client.SendAsync(Ops.DescribeProvisioningParameters, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => new LaunchOptions(
            r.ProvisioningArtifactParameters?.Select(ToLaunchParameter).ToList() ?? [],
            r.ConstraintSummaries?.Select(c => c.Type ?? string.Empty).ToList() ?? [],
            r.TagOptions?.SelectMany(o => (o.Values ?? []).Select(v => new TagOption(string.Empty, o.Key ?? string.Empty, v, true))).ToList() ?? []));
    }
}
