using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Catalog;

/// <summary>End-user browsing: the products the caller's role may launch and what a launch needs.</summary>
public interface IProductCatalogGateway
{
    IAsyncEnumerable<Product> SearchProductsAsync(ActingIdentity identity, string? fullTextSearch, CancellationToken cancellationToken);

    Task<Result<LaunchableProduct>> DescribeProductAsync(ActingIdentity identity, string productId, CancellationToken cancellationToken);

    Task<Result<LaunchOptions>> DescribeLaunchOptionsAsync(ActingIdentity identity, string productId, string versionId, string? pathId, CancellationToken cancellationToken);
}
