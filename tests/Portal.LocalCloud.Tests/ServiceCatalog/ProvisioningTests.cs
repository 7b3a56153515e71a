using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Portal.LocalCloud.ServiceCatalog;
using Portal.LocalCloud.Tests.Cli;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.ServiceCatalog;

/// <summary>Service Catalog provisioning through a pluggable engine, on a hand-moved lifecycle clock.</summary>
public sealed class ProvisioningTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private readonly ScriptedProvisioningEngine _engine = new();
    private LocalCloudServer? _server;

    private AwsWireClient Client => new(_server!.Endpoint);

    public async ValueTask InitializeAsync() =>
        _server = await LocalCloudServer.StartAsync(
            new Dictionary<string, string?> { ["LocalCloud:LifecycleSeconds"] = "60" },
            services =>
            {
                services.AddSingleton<TimeProvider>(_time);
                services.AddSingleton<IProvisioningEngine>(_engine);
            });

    public async ValueTask DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task A_record_succeeds_after_one_transition_with_the_engine_outputs_and_terminate_removes_the_product()
    {
        using var sc = Client;
        var (productId, artifactId) = await PublishAsync(sc, "arn:aws:iam::000000000000:root", "IAM");

        var launched = await sc.ServiceCatalogAsync("ProvisionProduct", new() { ["ProductId"] = productId, ["ProvisioningArtifactId"] = artifactId, ["ProvisionedProductName"] = "nb-alice", ["ProvisionToken"] = "t1", ["ProvisioningParameters"] = new JsonArray(new JsonObject { ["Key"] = "ProjectName", ["Value"] = "p1" }) });
        var recordId = launched["RecordDetail"]!["RecordId"]!.GetValue<string>();
        _time.Advance(TimeSpan.FromSeconds(30));
        var during = await sc.ServiceCatalogAsync("DescribeRecord", new() { ["Id"] = recordId });
        _time.Advance(TimeSpan.FromSeconds(31));
        var after = await sc.ServiceCatalogAsync("DescribeRecord", new() { ["Id"] = recordId });
        var outputs = await sc.ServiceCatalogAsync("GetProvisionedProductOutputs", new() { ["ProvisionedProductName"] = "nb-alice" });
        var search = await sc.ServiceCatalogAsync("SearchProvisionedProducts", new() { ["Filters"] = new JsonObject { ["SearchQuery"] = new JsonArray("status:AVAILABLE", "name:nb-alice") } });
        var terminate = await sc.ServiceCatalogAsync("TerminateProvisionedProduct", new() { ["ProvisionedProductName"] = "nb-alice", ["TerminateToken"] = "t2" });
        _time.Advance(TimeSpan.FromSeconds(61));
        var terminated = await sc.ServiceCatalogAsync("DescribeRecord", new() { ["Id"] = terminate["RecordDetail"]!["RecordId"]!.GetValue<string>() });
        var gone = await Assert.ThrowsAsync<AwsWireException>(() => sc.ServiceCatalogAsync("DescribeProvisionedProduct", new() { ["Name"] = "nb-alice" }));

        Assert.Equal("IN_PROGRESS", during["RecordDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal("SUCCEEDED", after["RecordDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal("https://p1.notebook", after["RecordOutputs"]![0]!["OutputValue"]!.GetValue<string>());
        Assert.Equal("NotebookUrl", outputs["Outputs"]![0]!["OutputKey"]!.GetValue<string>());
        Assert.Equal(1, search["TotalResultsCount"]!.GetValue<int>());
        Assert.Equal("SUCCEEDED", terminated["RecordDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal("ResourceNotFoundException", gone.Code);
        Assert.Equal("arn:aws:iam::000000000000:role/launch", _engine.Started[0].LaunchRoleArn);
        Assert.Equal("ml.t3.medium", _engine.Started[0].Parameters["InstanceType"]);
    }

    [Fact]
    public async Task The_same_provision_token_returns_the_same_record_and_a_failed_launch_leaves_the_product_in_error()
    {
        using var sc = Client;
        var (productId, artifactId) = await PublishAsync(sc, "arn:aws:iam::000000000000:root", "IAM");
        _engine.Fail = true;
        var body = new JsonObject { ["ProductId"] = productId, ["ProvisioningArtifactId"] = artifactId, ["ProvisionedProductName"] = "nb-fail", ["ProvisionToken"] = "same", ["ProvisioningParameters"] = new JsonArray(new JsonObject { ["Key"] = "ProjectName", ["Value"] = "p1" }) };

        var first = await sc.ServiceCatalogAsync("ProvisionProduct", (JsonObject)body.DeepClone());
        var second = await sc.ServiceCatalogAsync("ProvisionProduct", (JsonObject)body.DeepClone());
        _time.Advance(TimeSpan.FromSeconds(61));
        var product = await sc.ServiceCatalogAsync("DescribeProvisionedProduct", new() { ["Name"] = "nb-fail" });
        var record = await sc.ServiceCatalogAsync("DescribeRecord", new() { ["Id"] = first["RecordDetail"]!["RecordId"]!.GetValue<string>() });

        Assert.Equal(first["RecordDetail"]!["RecordId"]!.GetValue<string>(), second["RecordDetail"]!["RecordId"]!.GetValue<string>());
        Assert.Single(_engine.Started);
        Assert.Equal("ERROR", product["ProvisionedProductDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal("CREATE_FAILED", record["RecordDetail"]!["RecordErrors"]![0]!["Code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_to_a_new_version_keeps_previous_values_and_a_deprecated_version_still_updates()
    {
        using var sc = Client;
        var (productId, v1) = await PublishAsync(sc, "arn:aws:iam::000000000000:root", "IAM");
        await sc.ServiceCatalogAsync("ProvisionProduct", new() { ["ProductId"] = productId, ["ProvisioningArtifactId"] = v1, ["ProvisionedProductName"] = "nb-up", ["ProvisionToken"] = "u1", ["ProvisioningParameters"] = new JsonArray(new JsonObject { ["Key"] = "ProjectName", ["Value"] = "p1" }, new JsonObject { ["Key"] = "InstanceType", ["Value"] = "ml.t3.large" }) });
        _time.Advance(TimeSpan.FromSeconds(61));
        var url = (await sc.ServiceCatalogAsync("DescribeProvisioningArtifact", new() { ["ProductId"] = productId, ["ProvisioningArtifactId"] = v1 }))["Info"]!["TemplateUrl"]!.GetValue<string>();
        var v2 = (await sc.ServiceCatalogAsync("CreateProvisioningArtifact", new() { ["ProductId"] = productId, ["IdempotencyToken"] = "v2", ["Parameters"] = new JsonObject { ["Name"] = "v2", ["Info"] = new JsonObject { ["LoadTemplateFromURL"] = url } } }))["ProvisioningArtifactDetail"]!["Id"]!.GetValue<string>();
        await sc.ServiceCatalogAsync("UpdateProvisioningArtifact", new() { ["ProductId"] = productId, ["ProvisioningArtifactId"] = v2, ["Guidance"] = "DEPRECATED" });

        var update = await sc.ServiceCatalogAsync("UpdateProvisionedProduct", new() { ["ProvisionedProductName"] = "nb-up", ["ProvisioningArtifactId"] = v2, ["UpdateToken"] = "u2", ["ProvisioningParameters"] = new JsonArray(new JsonObject { ["Key"] = "ProjectName", ["UsePreviousValue"] = true }) });
        var busy = await Assert.ThrowsAsync<AwsWireException>(() => sc.ServiceCatalogAsync("UpdateProvisionedProduct", new() { ["ProvisionedProductName"] = "nb-up", ["UpdateToken"] = "u3" }));
        _time.Advance(TimeSpan.FromSeconds(61));
        var detail = await sc.ServiceCatalogAsync("DescribeProvisionedProduct", new() { ["Name"] = "nb-up" });

        Assert.Equal("UPDATE_PROVISIONED_PRODUCT", update["RecordDetail"]!["RecordType"]!.GetValue<string>());
        Assert.Equal("InvalidStateException", busy.Code);
        Assert.Equal(v2, detail["ProvisionedProductDetail"]!["ProvisioningArtifactId"]!.GetValue<string>());
        Assert.Equal("AVAILABLE", detail["ProvisionedProductDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal("p1", _engine.Started[1].Parameters["ProjectName"]);
        Assert.Equal("ml.t3.large", _engine.Started[1].Parameters["InstanceType"]);
    }

    [Fact]
    public async Task End_users_see_only_products_of_portfolios_associated_with_their_role()
    {
        using var admin = Client;
        var trust = """{"Statement":[{"Effect":"Allow","Principal":{"AWS":"000000000000"},"Action":"sts:AssumeRole"}]}""";
        foreach (var role in new[] { "ds-user-role-p1", "other-role" })
        {
            await admin.QueryAsync("iam", "2010-05-08", "CreateRole", new Dictionary<string, string> { ["RoleName"] = role, ["AssumeRolePolicyDocument"] = trust });
        }

        var (productId, _) = await PublishAsync(admin, "arn:aws:iam:::role/ds-user-role-*", "IAM_PATTERN");
        using var user = await AsRoleAsync(admin, "ds-user-role-p1");
        using var stranger = await AsRoleAsync(admin, "other-role");

        var visible = await user.ServiceCatalogAsync("SearchProducts");
        var invisible = await stranger.ServiceCatalogAsync("SearchProducts");
        var refused = await Assert.ThrowsAsync<AwsWireException>(() => stranger.ServiceCatalogAsync("DescribeProduct", new() { ["Id"] = productId }));

        Assert.Equal(productId, visible["ProductViewSummaries"]![0]!["ProductId"]!.GetValue<string>());
        Assert.True(visible["ProductViewSummaries"]![0]!["HasDefaultPath"]!.GetValue<bool>());
        Assert.Empty(invisible["ProductViewSummaries"]!.AsArray());
        Assert.Equal("ResourceNotFoundException", refused.Code);
    }

    [Fact]
    public async Task A_portfolio_in_use_cannot_be_deleted_and_a_second_launch_constraint_is_a_duplicate()
    {
        using var sc = Client;
        var (productId, _) = await PublishAsync(sc, "arn:aws:iam::000000000000:root", "IAM");
        var portfolioId = (await sc.ServiceCatalogAsync("ListPortfoliosForProduct", new() { ["ProductId"] = productId }))["PortfolioDetails"]![0]!["Id"]!.GetValue<string>();

        var inUse = await Assert.ThrowsAsync<AwsWireException>(() => sc.ServiceCatalogAsync("DeletePortfolio", new() { ["Id"] = portfolioId }));
        var duplicate = await Assert.ThrowsAsync<AwsWireException>(() => sc.ServiceCatalogAsync("CreateConstraint", new() { ["PortfolioId"] = portfolioId, ["ProductId"] = productId, ["Type"] = "LAUNCH", ["Parameters"] = """{"LocalRoleName":"x"}""", ["IdempotencyToken"] = "c2" }));
        var invalid = await Assert.ThrowsAsync<AwsWireException>(() => sc.ServiceCatalogAsync("CreatePortfolio", new() { ["DisplayName"] = "", ["ProviderName"] = "p", ["IdempotencyToken"] = "x" }));

        Assert.Equal("ResourceInUseException", inUse.Code);
        Assert.Equal("DuplicateResourceException", duplicate.Code);
        Assert.Equal("InvalidParametersException", invalid.Code);
        Assert.Equal("InvalidParametersException", invalid.Headers["x-amzn-ErrorType"]);
    }

    private async Task<AwsWireClient> AsRoleAsync(AwsWireClient admin, string role)
    {
        var xml = await admin.QueryAsync("sts", "2011-06-15", "AssumeRole", new Dictionary<string, string> { ["RoleArn"] = $"arn:aws:iam::000000000000:role/{role}", ["RoleSessionName"] = "user" });
        string Value(string name) => xml.Descendants().First(e => e.Name.LocalName == name).Value;
        return new AwsWireClient(_server!.Endpoint, new Amazon.Runtime.SessionAWSCredentials(Value("AccessKeyId"), Value("SecretAccessKey"), Value("SessionToken")));
    }

    private async Task<(string ProductId, string ArtifactId)> PublishAsync(AwsWireClient sc, string principal, string principalType)
    {
        var bucket = "tpl-" + Guid.NewGuid().ToString("N")[..8];
        using (var s3 = SdkClients.S3(_server!.Endpoint))
        {
            await s3.PutBucketAsync(bucket, TestContext.Current.CancellationToken);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "nb.yaml", ContentBody = ServiceCatalogCliTests.NotebookTemplate }, TestContext.Current.CancellationToken);
        }

        var token = Guid.NewGuid().ToString("N");
        var portfolioId = (await sc.ServiceCatalogAsync("CreatePortfolio", new() { ["DisplayName"] = bucket, ["ProviderName"] = "Platform", ["IdempotencyToken"] = "p" + token }))["PortfolioDetail"]!["Id"]!.GetValue<string>();
        var product = await sc.ServiceCatalogAsync("CreateProduct", new()
        {
            ["Name"] = bucket,
            ["Owner"] = "Platform",
            ["ProductType"] = "CLOUD_FORMATION_TEMPLATE",
            ["IdempotencyToken"] = "q" + token,
            ["ProvisioningArtifactParameters"] = new JsonObject { ["Name"] = "v1", ["Info"] = new JsonObject { ["LoadTemplateFromURL"] = $"{_server.Endpoint}/{bucket}/nb.yaml" } },
        });
        var productId = product["ProductViewDetail"]!["ProductViewSummary"]!["ProductId"]!.GetValue<string>();
        await sc.ServiceCatalogAsync("AssociateProductWithPortfolio", new() { ["ProductId"] = productId, ["PortfolioId"] = portfolioId });
        await sc.ServiceCatalogAsync("CreateConstraint", new() { ["PortfolioId"] = portfolioId, ["ProductId"] = productId, ["Type"] = "LAUNCH", ["Parameters"] = """{"LocalRoleName":"launch"}""", ["IdempotencyToken"] = "r" + token });
        await sc.ServiceCatalogAsync("AssociatePrincipalWithPortfolio", new() { ["PortfolioId"] = portfolioId, ["PrincipalARN"] = principal, ["PrincipalType"] = principalType });
        return (productId, product["ProvisioningArtifactDetail"]!["Id"]!.GetValue<string>());
    }
}
