using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Catalog;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Provisioning;
using Portal.LocalCloud.ServiceCatalog;
using static Portal.Aws.Tests.Behaviour.CatalogTemplates;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>
/// IProductCatalogGateway and IProvisioningGateway as an end user: a persona role created through IRoleGateway,
/// assumed for the user by IRoleSessionProvider (SourceIdentity = login), and associated with the portfolio.
/// </summary>
[Collection(nameof(LocalCloudCollection))]
public sealed class ProductCatalogBehaviourTests(LocalCloudBehaviourFixture cloud)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ICatalogAdministrationGateway Admin => cloud.Get<ICatalogAdministrationGateway>();

    private IProductCatalogGateway Catalog => cloud.Get<IProductCatalogGateway>();

    private IProvisioningGateway Provisioning => cloud.Get<IProvisioningGateway>();

    [Fact]
    public async Task A_role_sees_a_product_only_once_it_is_associated_with_the_portfolio()
    {
        var (portfolio, product) = await PublishAsync(cloud, Ct);
        var role = await cloud.CreatePersonaRoleAsync(LocalCloudBehaviourFixture.Unique("ds"), Ct);
        var user = LocalCloudBehaviourFixture.User(role, "alice");

        var before = await Catalog.SearchProductsAsync(user, product.Product.Name, Ct).ToListAsync(Ct);
        var describeBefore = await Catalog.DescribeProductAsync(user, product.Product.Id, Ct);
        Ok(await Admin.AssociatePrincipalWithPortfolioAsync(ActingIdentity.Portal, portfolio.Id, new PortfolioPrincipal(role, "IAM"), Ct));
        var after = await Catalog.SearchProductsAsync(user, product.Product.Name, Ct).ToListAsync(Ct);
        var asPortal = await Catalog.SearchProductsAsync(ActingIdentity.Portal, product.Product.Name, Ct).ToListAsync(Ct);

        Assert.Empty(before);
        Assert.Equal(ErrorKind.NotFound, describeBefore.Error?.Kind);
        var visible = Assert.Single(after);
        Assert.Equal((product.Product.Id, product.Product.Name, "Platform team"), (visible.Id, visible.Name, visible.Owner));
        Assert.StartsWith("prodview-", visible.ViewId, StringComparison.Ordinal);
        Assert.Empty(asPortal);
    }

    [Fact]
    public async Task An_iam_pattern_principal_grants_the_product_to_every_matching_role_and_no_other()
    {
        var (portfolio, product) = await PublishAsync(cloud, Ct);
        var prefix = LocalCloudBehaviourFixture.Unique("team");
        var matching = await cloud.CreatePersonaRoleAsync(prefix + "-scientist", Ct);
        var other = await cloud.CreatePersonaRoleAsync(LocalCloudBehaviourFixture.Unique("other"), Ct);
        Ok(await Admin.AssociatePrincipalWithPortfolioAsync(ActingIdentity.Portal, portfolio.Id, new PortfolioPrincipal($"arn:aws:iam:::role/{prefix}-*", "IAM_PATTERN"), Ct));

        var seen = await Catalog.SearchProductsAsync(LocalCloudBehaviourFixture.User(matching, "bob"), product.Product.Name, Ct).ToListAsync(Ct);
        var unseen = await Catalog.SearchProductsAsync(LocalCloudBehaviourFixture.User(other, "bob"), product.Product.Name, Ct).ToListAsync(Ct);

        Assert.Equal(product.Product.Id, Assert.Single(seen).Id);
        Assert.Empty(unseen);
    }

    [Fact]
    public async Task A_visible_product_shows_its_versions_and_one_launch_path_per_granting_portfolio()
    {
        var (portfolio, product, user) = await GrantedAsync();
        var second = Ok(await Admin.CreatePortfolioAsync(ActingIdentity.Portal, new NewPortfolio(LocalCloudBehaviourFixture.Unique("Second"), "Platform team"), Ct));
        Ok(await Admin.AssociateProductWithPortfolioAsync(ActingIdentity.Portal, product.Product.Id, second.Id, Ct));
        Ok(await Admin.AssociatePrincipalWithPortfolioAsync(ActingIdentity.Portal, second.Id, new PortfolioPrincipal(user.RoleArn!, "IAM"), Ct));

        var described = Ok(await Catalog.DescribeProductAsync(user, product.Product.Id, Ct));

        Assert.Equal(product.Product.Id, described.Product.Id);
        Assert.Equal(Assert.Single(product.Versions).Id, Assert.Single(described.Versions).Id);
        Assert.Equal(2, described.LaunchPaths.Count);
        Assert.All(described.LaunchPaths, p => Assert.StartsWith("lpv3-", p.Id, StringComparison.Ordinal));
        Assert.Equal([portfolio.DisplayName, second.DisplayName], described.LaunchPaths.Select(p => p.Name).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Launch_options_list_the_template_parameters_the_constraints_and_the_tag_options()
    {
        var (portfolio, product, user) = await GrantedAsync();
        var launchRole = await cloud.CreatePersonaRoleAsync(LocalCloudBehaviourFixture.Unique("launch"), Ct);
        Ok(await Admin.CreateConstraintAsync(ActingIdentity.Portal, new NewConstraint(portfolio.Id, product.Product.Id, "LAUNCH", $$"""{"RoleArn":"{{launchRole}}"}"""), Ct));
        var option = Ok(await Admin.CreateTagOptionAsync(ActingIdentity.Portal, "Project", LocalCloudBehaviourFixture.Unique("genomics"), Ct));
        Ok(await Admin.AssociateTagOptionAsync(ActingIdentity.Portal, portfolio.Id, option.Id, Ct));
        var version = Assert.Single(product.Versions);

        var options = Ok(await Catalog.DescribeLaunchOptionsAsync(user, product.Product.Id, version.Id, null, Ct));

        var instanceType = Assert.Single(options.Parameters, p => p.Key == "InstanceType");
        Assert.Equal(("ml.t3.medium", "String", "Notebook size"), (instanceType.DefaultValue, instanceType.Type, instanceType.Description));
        Assert.Equal(["ml.t3.medium", "ml.t3.large"], instanceType.AllowedValues);
        var project = Assert.Single(options.Parameters, p => p.Key == "ProjectName");
        Assert.Equal((null, 3, 20), (project.DefaultValue, project.MinLength, project.MaxLength));
        Assert.Equal(["LAUNCH"], options.ConstraintTypes);
        var tag = Assert.Single(options.TagOptions);
        Assert.Equal(("Project", option.Value), (tag.Key, tag.Value));
    }

    [Fact]
    public async Task Provisioning_records_the_request_once_per_token_and_reports_what_the_stack_engine_did()
    {
        var (portfolio, product, user) = await GrantedAsync();
        // The end user's role may only use the catalog: the stack runs under the launch role, which may create the product's bucket.
        var launchRole = await cloud.CreateLaunchRoleAsync(LocalCloudBehaviourFixture.Unique("launch"), """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":["cloudformation:CreateStack","cloudformation:UpdateStack","cloudformation:DeleteStack"],"Resource":"arn:aws:cloudformation:*:*:stack/SC-*"},
              {"Effect":"Allow","Action":["s3:CreateBucket","s3:DeleteBucket"],"Resource":"*"}]}
            """, Ct);
        Ok(await Admin.CreateConstraintAsync(ActingIdentity.Portal, new NewConstraint(portfolio.Id, product.Product.Id, "LAUNCH", $$"""{"RoleArn":"{{launchRole}}"}"""), Ct));
        var version = Assert.Single(product.Versions);
        var name = LocalCloudBehaviourFixture.Unique("alice-notebook");
        var request = new ProvisionRequest(product.Product.Id, version.Id, null, name, [new ParameterValue("ProjectName", "genomics")], IdempotencyToken.New(), [new ResourceTag("project", "genomics")]);

        var record = Ok(await Provisioning.ProvisionAsync(user, request, Ct));
        var repeated = Ok(await Provisioning.ProvisionAsync(user, request, Ct));
        var described = Ok(await Provisioning.DescribeRecordAsync(user, record.RecordId, Ct));
        var mine = await Provisioning.SearchProvisionedProductsAsync(user, ProvisionedProductScope.User, null, Ct).ToListAsync(Ct);
        var history = await Provisioning.ListRecordHistoryAsync(user, ProvisionedProductScope.User, null, Ct).ToListAsync(Ct);
        var provisioned = Ok(await Provisioning.DescribeProvisionedProductAsync(user, record.ProvisionedProductId!, Ct));

        Assert.StartsWith("rec-", record.RecordId, StringComparison.Ordinal);
        Assert.Equal(record.RecordId, repeated.RecordId);
        Assert.Equal("PROVISION_PRODUCT", record.RecordType);
        Assert.Equal((name, product.Product.Id, version.Id), (record.ProvisionedProductName, record.ProductId, record.VersionId));
        var listed = Assert.Single(mine, p => p.Name == name);
        Assert.Equal((record.ProvisionedProductId, product.Product.Id, version.Id), (listed.Id, listed.ProductId, listed.VersionId));
        Assert.Contains(history, r => r.RecordId == record.RecordId);
        if (described.IsFinished)
        {
            // LocalCloud with its CloudFormation engine wired (instant lifecycle): the stack is created and its outputs reported.
            Assert.Equal(("SUCCEEDED", "AVAILABLE"), (described.Status, provisioned.Status));
            Assert.Contains(described.Outputs, o => o.Key == "BucketName" && !string.IsNullOrEmpty(o.Value));
        }
        else
        {
            // LocalCloud's accept-only engine (the default until CloudFormation is wired) records the launch and never completes it.
            Assert.Contains(described.Status, new[] { "CREATED", "IN_PROGRESS" });
            Assert.Equal("UNDER_CHANGE", provisioned.Status);
            Assert.Empty(described.Outputs);
        }
    }

    [Fact]
    public async Task A_launch_still_in_progress_cannot_be_updated_or_terminated_and_has_no_outputs_yet()
    {
        // A LocalCloud whose engine never finishes (its accept-only engine, pinned), so the launch stays in progress.
        await using var pinned = new LocalCloudBehaviourFixture(s => s.AddSingleton<IProvisioningEngine, AcceptOnlyProvisioningEngine>());
        await pinned.InitializeAsync();
        var (_, product, user) = await GrantedAsync(pinned);
        var provisioning = pinned.Get<IProvisioningGateway>();
        var version = Assert.Single(product.Versions);
        var record = Ok(await provisioning.ProvisionAsync(user, new ProvisionRequest(product.Product.Id, version.Id, null, LocalCloudBehaviourFixture.Unique("busy"), [new ParameterValue("ProjectName", "genomics")], IdempotencyToken.New()), Ct));
        var id = record.ProvisionedProductId!;

        var update = await provisioning.UpdateAsync(user, new ProvisionedProductUpdate(id, null, null, [new ParameterValue("InstanceType", "ml.t3.large"), new ParameterValue("ProjectName", null, UsePreviousValue: true)], IdempotencyToken.New()), Ct);
        var terminate = await provisioning.TerminateAsync(user, new TerminationRequest(id, IdempotencyToken.New()), Ct);
        var outputs = await provisioning.GetOutputsAsync(user, id, Ct);
        var history = await provisioning.ListRecordHistoryAsync(user, ProvisionedProductScope.User, id, Ct).ToListAsync(Ct);
        var missing = await provisioning.DescribeProvisionedProductAsync(user, "pp-doesnotexist0", Ct);

        // LocalCloud refuses changes while UNDER_CHANGE with InvalidStateException (not in botocore's error list for these two operations).
        Assert.Equal((ErrorKind.Conflict, "InvalidStateException"), (update.Error?.Kind, update.Error?.Code));
        Assert.Equal((ErrorKind.Conflict, "InvalidStateException"), (terminate.Error?.Kind, terminate.Error?.Code));
        Assert.True(outputs.IsSuccess, outputs.Error?.ToString());
        Assert.Empty(outputs.Value);
        Assert.Equal([record.RecordId], history.Select(r => r.RecordId));
        Assert.Equal((ErrorKind.NotFound, "ResourceNotFoundException"), (missing.Error?.Kind, missing.Error?.Code));
    }

    [Fact]
    public async Task A_launch_is_refused_when_a_parameter_breaks_the_template_or_the_version_is_deprecated()
    {
        var (_, product, user) = await GrantedAsync();
        var version = Assert.Single(product.Versions);

        var tooShort = await Provisioning.ProvisionAsync(user, new ProvisionRequest(product.Product.Id, version.Id, null, LocalCloudBehaviourFixture.Unique("bad"), [new ParameterValue("ProjectName", "ab")], IdempotencyToken.New()), Ct);
        var unknown = await Provisioning.ProvisionAsync(user, new ProvisionRequest(product.Product.Id, version.Id, null, LocalCloudBehaviourFixture.Unique("bad"), [new ParameterValue("ProjectName", "genomics"), new ParameterValue("Colour", "blue")], IdempotencyToken.New()), Ct);
        Ok(await Admin.UpdateProductVersionAsync(ActingIdentity.Portal, product.Product.Id, version.Id, new ProductVersionChange(Guidance: "DEPRECATED"), Ct));
        var deprecated = await Provisioning.ProvisionAsync(user, new ProvisionRequest(product.Product.Id, version.Id, null, LocalCloudBehaviourFixture.Unique("old"), [new ParameterValue("ProjectName", "genomics")], IdempotencyToken.New()), Ct);
        var mine = await Provisioning.SearchProvisionedProductsAsync(user, ProvisionedProductScope.User, null, Ct).ToListAsync(Ct);

        Assert.Equal((ErrorKind.Validation, "InvalidParametersException"), (tooShort.Error?.Kind, tooShort.Error?.Code));
        Assert.Equal((ErrorKind.Validation, "InvalidParametersException"), (unknown.Error?.Kind, unknown.Error?.Code));
        Assert.Equal((ErrorKind.Validation, "InvalidParametersException"), (deprecated.Error?.Kind, deprecated.Error?.Code));
        Assert.Empty(mine);
    }

    private Task<(Portfolio Portfolio, ProductDetail Product, ActingIdentity User)> GrantedAsync() => GrantedAsync(cloud);

    private static async Task<(Portfolio Portfolio, ProductDetail Product, ActingIdentity User)> GrantedAsync(LocalCloudBehaviourFixture on)
    {
        var (portfolio, product) = await PublishAsync(on, Ct);
        var role = await on.CreatePersonaRoleAsync(LocalCloudBehaviourFixture.Unique("ds"), Ct);
        Ok(await on.Get<ICatalogAdministrationGateway>().AssociatePrincipalWithPortfolioAsync(ActingIdentity.Portal, portfolio.Id, new PortfolioPrincipal(role, "IAM"), Ct));
        return (portfolio, product, LocalCloudBehaviourFixture.User(role, "alice"));
    }
}
