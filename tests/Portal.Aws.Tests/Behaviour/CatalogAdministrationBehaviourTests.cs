using System.Text;
using Portal.Core.Catalog;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Provisioning;
using static Portal.Aws.Tests.Behaviour.CatalogTemplates;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>ICatalogAdministrationGateway over real HTTP against LocalCloud: what an administrator publishing the catalog notices.</summary>
[Collection(nameof(LocalCloudCollection))]
public sealed class CatalogAdministrationBehaviourTests(LocalCloudBehaviourFixture cloud)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ICatalogAdministrationGateway Admin => cloud.Get<ICatalogAdministrationGateway>();

    [Fact]
    public async Task A_portfolio_is_created_listed_described_and_deleted()
    {
        var name = LocalCloudBehaviourFixture.Unique("Research");

        var created = Ok(await Admin.CreatePortfolioAsync(ActingIdentity.Portal, new NewPortfolio(name, "Platform team", "For researchers"), Ct));
        var listed = await Admin.ListPortfoliosAsync(ActingIdentity.Portal, Ct).ToListAsync(Ct);
        var described = Ok(await Admin.DescribePortfolioAsync(ActingIdentity.Portal, created.Id, Ct));
        var deleted = await Admin.DeletePortfolioAsync(ActingIdentity.Portal, created.Id, Ct);
        var afterDelete = await Admin.DescribePortfolioAsync(ActingIdentity.Portal, created.Id, Ct);

        Assert.StartsWith("port-", created.Id, StringComparison.Ordinal);
        Assert.Equal($"arn:aws:catalog:{LocalCloudBehaviourFixture.Region}:{LocalCloudBehaviourFixture.Account}:portfolio/{created.Id}", created.Arn);
        Assert.Contains(listed, p => p.Id == created.Id && p.DisplayName == name);
        Assert.Equal(created with { CreatedAt = described.CreatedAt }, described);
        Assert.Equal("For researchers", described.Description);
        Assert.True(deleted.IsSuccess, deleted.Error?.ToString());
        Assert.Equal(ErrorKind.NotFound, afterDelete.Error?.Kind);
        Assert.Equal("ResourceNotFoundException", afterDelete.Error?.Code);
    }

    [Fact]
    public async Task Deleting_a_portfolio_that_still_holds_a_product_is_refused_as_a_conflict()
    {
        var (portfolio, _) = await PublishAsync(cloud, Ct);

        var deleted = await Admin.DeletePortfolioAsync(ActingIdentity.Portal, portfolio.Id, Ct);
        var stillThere = await Admin.DescribePortfolioAsync(ActingIdentity.Portal, portfolio.Id, Ct);

        Assert.Equal(ErrorKind.Conflict, deleted.Error?.Kind);
        Assert.Equal("ResourceInUseException", deleted.Error?.Code);
        Assert.True(stillThere.IsSuccess);
    }

    [Fact]
    public async Task A_product_is_published_from_a_template_uploaded_through_template_storage()
    {
        var template = await StoreAsync(cloud, Notebook, Ct);
        var name = LocalCloudBehaviourFixture.Unique("Notebook");

        var downloaded = Ok(await cloud.Get<ITemplateStorage>().GetTemplateAsync(ActingIdentity.Portal, template.Bucket, template.Key, Ct));
        var product = Ok(await Admin.CreateProductAsync(
            ActingIdentity.Portal,
            new NewProduct(name, "Platform team", new NewProductVersion("v1", template.Url, "First release"), Description: "A managed notebook", Tags: [new ResourceTag("tier", "gold")]),
            Ct));
        var described = Ok(await Admin.DescribeProductAsync(ActingIdentity.Portal, product.Product.Id, Ct));
        var found = await Admin.SearchProductsAsync(ActingIdentity.Portal, null, name, Ct).ToListAsync(Ct);

        Assert.Equal(Notebook, Encoding.UTF8.GetString(downloaded));
        Assert.Equal($"{cloud.Server.Url}/{template.Bucket}/products/notebook.yaml", template.Url);
        Assert.StartsWith("prod-", product.Product.Id, StringComparison.Ordinal);
        Assert.Equal(name, product.Product.Name);
        Assert.Equal("CLOUD_FORMATION_TEMPLATE", product.Product.Type);
        Assert.Equal("AVAILABLE", product.Status);
        Assert.Equal(new ResourceTag("tier", "gold"), Assert.Single(product.Tags));
        var version = Assert.Single(product.Versions);
        Assert.StartsWith("pa-", version.Id, StringComparison.Ordinal);
        Assert.Equal(("v1", "First release", true), (version.Name, version.Description, version.Active));
        Assert.Equal(version.Id, Assert.Single(described.Versions).Id);
        Assert.Equal("A managed notebook", described.Product.Description);
        Assert.Equal(product.Product.Id, Assert.Single(found).Product.Id);
    }

    [Fact]
    public async Task Searching_a_portfolio_with_more_products_than_a_page_returns_every_product_once()
    {
        var template = await StoreAsync(cloud, Notebook, Ct);
        var portfolio = Ok(await Admin.CreatePortfolioAsync(ActingIdentity.Portal, new NewPortfolio(LocalCloudBehaviourFixture.Unique("Large"), "Platform team"), Ct));
        var ids = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            var product = Ok(await Admin.CreateProductAsync(ActingIdentity.Portal, new NewProduct(LocalCloudBehaviourFixture.Unique("Tool"), "Platform team", new NewProductVersion("v1", template.Url)), Ct));
            Ok(await Admin.AssociateProductWithPortfolioAsync(ActingIdentity.Portal, product.Product.Id, portfolio.Id, Ct));
            ids.Add(product.Product.Id);
        }

        var found = await Admin.SearchProductsAsync(ActingIdentity.Portal, portfolio.Id, null, Ct).ToListAsync(Ct);

        Assert.Equal(ids.Order(StringComparer.Ordinal), found.Select(p => p.Product.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_template_that_was_never_stored_is_not_found()
    {
        var template = await StoreAsync(cloud, Notebook, Ct);

        var missing = await cloud.Get<ITemplateStorage>().GetTemplateAsync(ActingIdentity.Portal, template.Bucket, "products/none.yaml", Ct);
        var noBucket = await cloud.Get<ITemplateStorage>().GetTemplateAsync(ActingIdentity.Portal, LocalCloudBehaviourFixture.Unique("nobucket"), "t.yaml", Ct);

        Assert.Equal((ErrorKind.NotFound, "NoSuchKey"), (missing.Error?.Kind, missing.Error?.Code));
        Assert.Equal((ErrorKind.NotFound, "NoSuchBucket"), (noBucket.Error?.Kind, noBucket.Error?.Code));
    }

    [Fact]
    public async Task A_template_url_that_points_at_no_object_is_a_validation_error()
    {
        var missing = $"{cloud.Server.Url}/no-such-bucket-{Guid.NewGuid():N}/template.yaml";

        var product = await Admin.CreateProductAsync(ActingIdentity.Portal, new NewProduct(LocalCloudBehaviourFixture.Unique("Broken"), "Platform team", new NewProductVersion("v1", missing)), Ct);

        Assert.Equal(ErrorKind.Validation, product.Error?.Kind);
        Assert.Equal("InvalidParametersException", product.Error?.Code);
    }

    [Fact]
    public async Task A_new_version_is_added_and_the_old_one_deprecated()
    {
        var (_, product) = await PublishAsync(cloud, Ct);
        var template = await StoreAsync(cloud, Notebook.Replace("ml.t3.large", "ml.m5.large", StringComparison.Ordinal), Ct);
        var first = Assert.Single(product.Versions);

        var second = Ok(await Admin.CreateProductVersionAsync(ActingIdentity.Portal, product.Product.Id, new NewProductVersion("v2", template.Url, "Bigger instances"), IdempotencyToken.New(), Ct));
        var deprecated = Ok(await Admin.UpdateProductVersionAsync(ActingIdentity.Portal, product.Product.Id, first.Id, new ProductVersionChange(Guidance: "DEPRECATED"), Ct));
        var versions = Ok(await Admin.ListProductVersionsAsync(ActingIdentity.Portal, product.Product.Id, Ct));

        Assert.Equal("v2", second.Name);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("DEPRECATED", deprecated.Guidance);
        Assert.Equal(true, deprecated.Active);
        Assert.Equal(
            [(first.Id, "DEPRECATED"), (second.Id, "DEFAULT")],
            versions.Select(v => (v.Id, v.Guidance)).OrderBy(v => v.Id == second.Id).ToList());
    }

    [Fact]
    public async Task Launch_and_template_constraints_are_created_and_listed_for_the_product()
    {
        var (portfolio, product) = await PublishAsync(cloud, Ct);
        var launchRole = await cloud.CreatePersonaRoleAsync(LocalCloudBehaviourFixture.Unique("launch"), Ct);
        const string rules = """{"Rules":{"SmallOnly":{"Assertions":[{"Assert":{"Fn::Contains":[["ml.t3.medium"],{"Ref":"InstanceType"}]},"AssertDescription":"Only small notebooks"}]}}}""";

        var launch = Ok(await Admin.CreateConstraintAsync(ActingIdentity.Portal, new NewConstraint(portfolio.Id, product.Product.Id, "LAUNCH", $$"""{"RoleArn":"{{launchRole}}"}""", "Launch as the product role"), Ct));
        var template = Ok(await Admin.CreateConstraintAsync(ActingIdentity.Portal, new NewConstraint(portfolio.Id, product.Product.Id, "TEMPLATE", rules), Ct));
        var secondLaunch = await Admin.CreateConstraintAsync(ActingIdentity.Portal, new NewConstraint(portfolio.Id, product.Product.Id, "LAUNCH", $$"""{"RoleArn":"{{launchRole}}"}"""), Ct);
        var listed = await Admin.ListConstraintsAsync(ActingIdentity.Portal, portfolio.Id, product.Product.Id, Ct).ToListAsync(Ct);

        Assert.StartsWith("cons-", launch.Id, StringComparison.Ordinal);
        Assert.Equal(("LAUNCH", "Launch as the product role", "AVAILABLE"), (launch.Type, launch.Description, launch.Status));
        Assert.Equal("TEMPLATE", template.Type);
        Assert.Equal(ErrorKind.Conflict, secondLaunch.Error?.Kind);
        Assert.Equal("DuplicateResourceException", secondLaunch.Error?.Code);
        Assert.Equal(["LAUNCH", "TEMPLATE"], listed.Select(c => c.Type).Order(StringComparer.Ordinal));
        Assert.All(listed, c => Assert.Equal(product.Product.Id, c.ProductId));
    }

    [Fact]
    public async Task A_principal_associated_with_a_portfolio_is_listed_and_keeps_the_portfolio_in_use()
    {
        var portfolio = Ok(await Admin.CreatePortfolioAsync(ActingIdentity.Portal, new NewPortfolio(LocalCloudBehaviourFixture.Unique("Shared"), "Platform team"), Ct));
        var role = await cloud.CreatePersonaRoleAsync(LocalCloudBehaviourFixture.Unique("scientist"), Ct);
        var pattern = new PortfolioPrincipal("arn:aws:iam:::role/ds-*", "IAM_PATTERN");

        Ok(await Admin.AssociatePrincipalWithPortfolioAsync(ActingIdentity.Portal, portfolio.Id, new PortfolioPrincipal(role, "IAM"), Ct));
        Ok(await Admin.AssociatePrincipalWithPortfolioAsync(ActingIdentity.Portal, portfolio.Id, pattern, Ct));
        var principals = await Admin.ListPrincipalsAsync(ActingIdentity.Portal, portfolio.Id, Ct).ToListAsync(Ct);
        var deleted = await Admin.DeletePortfolioAsync(ActingIdentity.Portal, portfolio.Id, Ct);

        Assert.Equal([new PortfolioPrincipal(role, "IAM"), pattern], principals);
        Assert.Equal(ErrorKind.Conflict, deleted.Error?.Kind);
    }

    [Fact]
    public async Task A_tag_option_is_created_once_and_associated_with_a_portfolio()
    {
        var portfolio = Ok(await Admin.CreatePortfolioAsync(ActingIdentity.Portal, new NewPortfolio(LocalCloudBehaviourFixture.Unique("Tagged"), "Platform team"), Ct));
        var value = LocalCloudBehaviourFixture.Unique("cost-centre");

        var option = Ok(await Admin.CreateTagOptionAsync(ActingIdentity.Portal, "CostCentre", value, Ct));
        var duplicate = await Admin.CreateTagOptionAsync(ActingIdentity.Portal, "CostCentre", value, Ct);
        var associated = await Admin.AssociateTagOptionAsync(ActingIdentity.Portal, portfolio.Id, option.Id, Ct);
        var unknown = await Admin.AssociateTagOptionAsync(ActingIdentity.Portal, portfolio.Id, "tag-doesnotexist0", Ct);
        var deleted = await Admin.DeletePortfolioAsync(ActingIdentity.Portal, portfolio.Id, Ct);

        Assert.StartsWith("tag-", option.Id, StringComparison.Ordinal);
        Assert.Equal(("CostCentre", value, (bool?)true), (option.Key, option.Value, option.Active));
        Assert.Equal(ErrorKind.Conflict, duplicate.Error?.Kind);
        Assert.True(associated.IsSuccess, associated.Error?.ToString());
        Assert.Equal(ErrorKind.NotFound, unknown.Error?.Kind);
        Assert.Equal(ErrorKind.Conflict, deleted.Error?.Kind);
    }

    [Fact]
    public async Task Repeating_a_create_with_the_same_idempotency_token_returns_the_same_resources()
    {
        var template = await StoreAsync(cloud, Notebook, Ct);
        var token = IdempotencyToken.New();
        var portfolio = new NewPortfolio(LocalCloudBehaviourFixture.Unique("Once"), "Platform team", Token: token);
        var product = new NewProduct(LocalCloudBehaviourFixture.Unique("Once"), "Platform team", new NewProductVersion("v1", template.Url), Token: token);

        var firstPortfolio = Ok(await Admin.CreatePortfolioAsync(ActingIdentity.Portal, portfolio, Ct));
        var secondPortfolio = Ok(await Admin.CreatePortfolioAsync(ActingIdentity.Portal, portfolio, Ct));
        var firstProduct = Ok(await Admin.CreateProductAsync(ActingIdentity.Portal, product, Ct));
        var secondProduct = Ok(await Admin.CreateProductAsync(ActingIdentity.Portal, product, Ct));
        var versionToken = IdempotencyToken.New();
        var firstVersion = Ok(await Admin.CreateProductVersionAsync(ActingIdentity.Portal, firstProduct.Product.Id, new NewProductVersion("v2", template.Url), versionToken, Ct));
        var secondVersion = Ok(await Admin.CreateProductVersionAsync(ActingIdentity.Portal, firstProduct.Product.Id, new NewProductVersion("v2", template.Url), versionToken, Ct));
        var portfolios = await Admin.ListPortfoliosAsync(ActingIdentity.Portal, Ct).ToListAsync(Ct);
        var versions = Ok(await Admin.ListProductVersionsAsync(ActingIdentity.Portal, firstProduct.Product.Id, Ct));

        Assert.Equal(firstPortfolio.Id, secondPortfolio.Id);
        Assert.Single(portfolios, p => p.DisplayName == portfolio.DisplayName);
        Assert.Equal(firstProduct.Product.Id, secondProduct.Product.Id);
        Assert.Equal(firstVersion.Id, secondVersion.Id);
        Assert.Equal(2, versions.Count);
    }
}
