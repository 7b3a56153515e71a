using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Provisioning;

namespace Portal.Core.Catalog;

/// <summary>Publishes and maintains portfolios, products, versions, constraints and access (administrator side).</summary>
public interface ICatalogAdministrationGateway
{
    Task<Result<Portfolio>> CreatePortfolioAsync(ActingIdentity identity, NewPortfolio portfolio, CancellationToken cancellationToken);

    IAsyncEnumerable<Portfolio> ListPortfoliosAsync(ActingIdentity identity, CancellationToken cancellationToken);

    Task<Result<Portfolio>> DescribePortfolioAsync(ActingIdentity identity, string portfolioId, CancellationToken cancellationToken);

    /// <summary>Deletes an empty portfolio; a Conflict while products, principals or constraints remain.</summary>
    Task<Result<Unit>> DeletePortfolioAsync(ActingIdentity identity, string portfolioId, CancellationToken cancellationToken);

    Task<Result<ProductDetail>> CreateProductAsync(ActingIdentity identity, NewProduct product, CancellationToken cancellationToken);

    /// <summary>Products visible to the administrator, optionally only those in one portfolio or matching a full-text search.</summary>
    IAsyncEnumerable<ProductDetail> SearchProductsAsync(ActingIdentity identity, string? portfolioId, string? fullTextSearch, CancellationToken cancellationToken);

    Task<Result<ProductDetail>> DescribeProductAsync(ActingIdentity identity, string productId, CancellationToken cancellationToken);

    Task<Result<ProductVersion>> CreateProductVersionAsync(ActingIdentity identity, string productId, NewProductVersion version, IdempotencyToken? token, CancellationToken cancellationToken);

    Task<Result<IReadOnlyList<ProductVersion>>> ListProductVersionsAsync(ActingIdentity identity, string productId, CancellationToken cancellationToken);

    Task<Result<ProductVersion>> UpdateProductVersionAsync(ActingIdentity identity, string productId, string versionId, ProductVersionChange change, CancellationToken cancellationToken);

    Task<Result<Unit>> AssociateProductWithPortfolioAsync(ActingIdentity identity, string productId, string portfolioId, CancellationToken cancellationToken);

    Task<Result<CatalogConstraint>> CreateConstraintAsync(ActingIdentity identity, NewConstraint constraint, CancellationToken cancellationToken);

    IAsyncEnumerable<CatalogConstraint> ListConstraintsAsync(ActingIdentity identity, string portfolioId, string? productId, CancellationToken cancellationToken);

    Task<Result<Unit>> AssociatePrincipalWithPortfolioAsync(ActingIdentity identity, string portfolioId, PortfolioPrincipal principal, CancellationToken cancellationToken);

    IAsyncEnumerable<PortfolioPrincipal> ListPrincipalsAsync(ActingIdentity identity, string portfolioId, CancellationToken cancellationToken);

    Task<Result<TagOption>> CreateTagOptionAsync(ActingIdentity identity, string key, string value, CancellationToken cancellationToken);

    Task<Result<Unit>> AssociateTagOptionAsync(ActingIdentity identity, string resourceId, string tagOptionId, CancellationToken cancellationToken);
}
