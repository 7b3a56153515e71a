using System.Runtime.CompilerServices;
using Portal.Aws.Protocols;
using Portal.Core.Catalog;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Provisioning;
using static Portal.Aws.ServiceCatalog.ServiceCatalogMapping;
using Ops = Portal.Aws.ServiceCatalog.ServiceCatalogOperations;

namespace Portal.Aws.ServiceCatalog;

/// <summary>Catalog administration over Service Catalog. Create calls carry an idempotency token made once per call (or given by the caller).</summary>
internal sealed class ServiceCatalogAdministrationGateway : ICatalogAdministrationGateway
{
    private readonly AwsJsonProtocolClient _client;

    public ServiceCatalogAdministrationGateway(AwsJsonProtocolClient client) => _client = client;

    public async Task<Result<Portfolio>> CreatePortfolioAsync(ActingIdentity identity, NewPortfolio portfolio, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var request = new ScCreatePortfolioRequest
        {
            DisplayName = portfolio.DisplayName,
            ProviderName = portfolio.ProviderName,
            Description = portfolio.Description,
            Tags = FromTags(portfolio.Tags),
            IdempotencyToken = (portfolio.Token ?? IdempotencyToken.New()).Value,
        };
        var response = await _client.SendAsync(Ops.CreatePortfolio, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToPortfolio(r.PortfolioDetail));
    }

    public IAsyncEnumerable<Portfolio> ListPortfoliosAsync(ActingIdentity identity, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(Ops.ListPortfolios, new ScListPortfoliosRequest { PageToken = token, PageSize = 100 }, identity, ct),
            page => page.PortfolioDetails?.Select(ToPortfolio),
            page => page.NextPageToken,
            cancellationToken);

    public async Task<Result<Portfolio>> DescribePortfolioAsync(ActingIdentity identity, string portfolioId, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.DescribePortfolio, new ScIdRequest { Id = portfolioId }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToPortfolio(r.PortfolioDetail));
    }

    public async Task<Result<Unit>> DeletePortfolioAsync(ActingIdentity identity, string portfolioId, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.DeletePortfolio, new ScIdRequest { Id = portfolioId }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(_ => Unit.Value);
    }

    public async Task<Result<ProductDetail>> CreateProductAsync(ActingIdentity identity, NewProduct product, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(product);
        var request = new ScCreateProductRequest
        {
            Name = product.Name,
            Owner = product.Owner,
            Description = product.Description,
            Distributor = product.Distributor,
            SupportEmail = product.SupportEmail,
            ProductType = "CLOUD_FORMATION_TEMPLATE",
            Tags = FromTags(product.Tags),
            ProvisioningArtifactParameters = ToArtifactProperties(product.FirstVersion),
            IdempotencyToken = (product.Token ?? IdempotencyToken.New()).Value,
        };
        var response = await _client.SendAsync(Ops.CreateProduct, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToProductDetail(
            r.ProductViewDetail,
            r.ProvisioningArtifactDetail is null ? null : [ToVersion(r.ProvisioningArtifactDetail)],
            r.Tags));
    }

    public IAsyncEnumerable<ProductDetail> SearchProductsAsync(ActingIdentity identity, string? portfolioId, string? fullTextSearch, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(
                Ops.SearchProductsAsAdmin,
                new ScSearchProductsAsAdminRequest
                {
                    PortfolioId = portfolioId,
                    Filters = string.IsNullOrWhiteSpace(fullTextSearch) ? null : new() { ["FullTextSearch"] = [fullTextSearch] },
                    PageToken = token,
                    PageSize = 20,
                },
                identity,
                ct),
            page => page.ProductViewDetails?.Select(d => ToProductDetail(d, null, null)),
            page => page.NextPageToken,
            cancellationToken);

    public async Task<Result<ProductDetail>> DescribeProductAsync(ActingIdentity identity, string productId, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.DescribeProductAsAdmin, new ScIdRequest { Id = productId }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToProductDetail(
            r.ProductViewDetail,
            r.ProvisioningArtifactSummaries?.Select(s => new ProductVersion(s.Id ?? string.Empty, s.Name ?? string.Empty, s.Description, null, s.CreatedTime, null, null)),
            r.Tags));
    }

    public async Task<Result<ProductVersion>> CreateProductVersionAsync(ActingIdentity identity, string productId, NewProductVersion version, IdempotencyToken? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var request = new ScCreateProvisioningArtifactRequest
        {
            ProductId = productId,
            Parameters = ToArtifactProperties(version),
            IdempotencyToken = (token ?? IdempotencyToken.New()).Value,
        };
        var response = await _client.SendAsync(Ops.CreateProvisioningArtifact, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToVersion(r.ProvisioningArtifactDetail));
    }

    public async Task<Result<IReadOnlyList<ProductVersion>>> ListProductVersionsAsync(ActingIdentity identity, string productId, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.ListProvisioningArtifacts, new ScListProvisioningArtifactsRequest { ProductId = productId }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => (IReadOnlyList<ProductVersion>)(r.ProvisioningArtifactDetails?.Select(ToVersion).ToList() ?? []));
    }

    public async Task<Result<ProductVersion>> UpdateProductVersionAsync(ActingIdentity identity, string productId, string versionId, ProductVersionChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var request = new ScUpdateProvisioningArtifactRequest
        {
            ProductId = productId,
            ProvisioningArtifactId = versionId,
            Name = change.Name,
            Description = change.Description,
            Active = change.Active,
            Guidance = change.Guidance,
        };
        var response = await _client.SendAsync(Ops.UpdateProvisioningArtifact, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToVersion(r.ProvisioningArtifactDetail));
    }

    public async Task<Result<Unit>> AssociateProductWithPortfolioAsync(ActingIdentity identity, string productId, string portfolioId, CancellationToken cancellationToken)
    {
        var request = new ScAssociateProductWithPortfolioRequest { ProductId = productId, PortfolioId = portfolioId };
        var response = await _client.SendAsync(Ops.AssociateProductWithPortfolio, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(_ => Unit.Value);
    }

    public async Task<Result<CatalogConstraint>> CreateConstraintAsync(ActingIdentity identity, NewConstraint constraint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        var request = new ScCreateConstraintRequest
        {
            PortfolioId = constraint.PortfolioId,
            ProductId = constraint.ProductId,
            Type = constraint.Type,
            Parameters = constraint.ParametersJson,
            Description = constraint.Description,
            IdempotencyToken = (constraint.Token ?? IdempotencyToken.New()).Value,
        };
        var response = await _client.SendAsync(Ops.CreateConstraint, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToConstraint(r.ConstraintDetail, r.Status));
    }

    public IAsyncEnumerable<CatalogConstraint> ListConstraintsAsync(ActingIdentity identity, string portfolioId, string? productId, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(
                Ops.ListConstraintsForPortfolio,
                new ScListConstraintsForPortfolioRequest { PortfolioId = portfolioId, ProductId = productId, PageToken = token, PageSize = 20 },
                identity,
                ct),
            page => page.ConstraintDetails?.Select(d => ToConstraint(d, null)),
            page => page.NextPageToken,
            cancellationToken);

    public async Task<Result<Unit>> AssociatePrincipalWithPortfolioAsync(ActingIdentity identity, string portfolioId, PortfolioPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var request = new ScAssociatePrincipalWithPortfolioRequest { PortfolioId = portfolioId, PrincipalARN = principal.PrincipalArn, PrincipalType = principal.PrincipalType };
        var response = await _client.SendAsync(Ops.AssociatePrincipalWithPortfolio, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(_ => Unit.Value);
    }

    public IAsyncEnumerable<PortfolioPrincipal> ListPrincipalsAsync(ActingIdentity identity, string portfolioId, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(Ops.ListPrincipalsForPortfolio, new ScListPrincipalsForPortfolioRequest { PortfolioId = portfolioId, PageToken = token, PageSize = 20 }, identity, ct),
            page => page.Principals?.Select(p => new PortfolioPrincipal(p.PrincipalARN ?? string.Empty, p.PrincipalType ?? string.Empty)),
            page => page.NextPageToken,
            cancellationToken);

    public async Task<Result<TagOption>> CreateTagOptionAsync(ActingIdentity identity, string key, string value, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.CreateTagOption, new ScCreateTagOptionRequest { Key = key, Value = value }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => new TagOption(r.TagOptionDetail?.Id ?? string.Empty, r.TagOptionDetail?.Key ?? key, r.TagOptionDetail?.Value ?? value, r.TagOptionDetail?.Active));
    }

    public async Task<Result<Unit>> AssociateTagOptionAsync(ActingIdentity identity, string resourceId, string tagOptionId, CancellationToken cancellationToken)
    {
        var request = new ScAssociateTagOptionWithResourceRequest { ResourceId = resourceId, TagOptionId = tagOptionId };
        var response = await _client.SendAsync(Ops.AssociateTagOptionWithResource, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(_ => Unit.Value);
    }
}
