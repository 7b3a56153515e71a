using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>
/// The notebook product as the portal publishes it (templates/README.md step 3–4): Service Catalog product with the
/// environment's notebook launch role as LAUNCH constraint and a TEMPLATE constraint pinning the project, launched,
/// refused for a foreign project, and updated from v1 to v2 with UsePreviousValue.
/// </summary>
public sealed class NotebookProductTests : LocalCloudTest
{
    [Fact]
    public async Task The_notebook_product_launches_through_service_catalog_is_pinned_to_its_project_and_updates_to_v2()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        await cfn.CreateStackAsync(WorkshopStacks.Foundation, Templates.Read("platform/foundation.yaml"));
        await cfn.CreateStackAsync(WorkshopStacks.Environment, Templates.Read("environment/project-environment.yaml"), WorkshopStacks.EnvironmentParameters);
        var environment = await cfn.OutputsAsync(WorkshopStacks.Environment);
        using var s3 = SdkClients.S3(Server.Endpoint);
        await s3.PutBucketAsync("portal-products", Ct);
        foreach (var version in new[] { "v1", "v2" })
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "portal-products", Key = $"notebook/{version}.yaml", ContentBody = Templates.Read($"products/sagemaker-notebook/{version}.yaml") }, Ct);
        }

        var portfolio = await wire.ServiceCatalogAsync("CreatePortfolio", new JsonObject { ["DisplayName"] = "churn-dev", ["ProviderName"] = "Portal", ["IdempotencyToken"] = Guid.NewGuid().ToString() });
        var portfolioId = portfolio["PortfolioDetail"]!["Id"]!.GetValue<string>();
        var product = await wire.ServiceCatalogAsync("CreateProduct", new JsonObject
        {
            ["Name"] = "SageMaker Notebook",
            ["Owner"] = "Portal",
            ["ProductType"] = "CLOUD_FORMATION_TEMPLATE",
            ["ProvisioningArtifactParameters"] = new JsonObject
            {
                ["Name"] = "v1",
                ["Type"] = "CLOUD_FORMATION_TEMPLATE",
                ["Info"] = new JsonObject { ["LoadTemplateFromURL"] = "https://portal-products.s3.amazonaws.com/notebook/v1.yaml" },
            },
            ["IdempotencyToken"] = Guid.NewGuid().ToString(),
        });
        var productId = product["ProductViewDetail"]!["ProductViewSummary"]!["ProductId"]!.GetValue<string>();
        var v1 = product["ProvisioningArtifactDetail"]!["Id"]!.GetValue<string>();
        await wire.ServiceCatalogAsync("AssociateProductWithPortfolio", new JsonObject { ["ProductId"] = productId, ["PortfolioId"] = portfolioId });
        await wire.ServiceCatalogAsync("AssociatePrincipalWithPortfolio", new JsonObject { ["PortfolioId"] = portfolioId, ["PrincipalARN"] = "arn:aws:iam::000000000000:root", ["PrincipalType"] = "IAM" });
        await Constrain(wire, portfolioId, productId, "LAUNCH", $$"""{"RoleArn":"{{environment["NotebookLaunchRoleArn"]}}"}""");
        await Constrain(wire, portfolioId, productId, "TEMPLATE",
            """{"Rules":{"Project":{"Assertions":[{"Assert":{"Fn::Equals":[{"Ref":"ProjectName"},"churn"]},"AssertDescription":"Notebooks of this portfolio belong to project churn"},{"Assert":{"Fn::Equals":[{"Ref":"EnvironmentType"},"dev"]},"AssertDescription":"Notebooks of this portfolio belong to environment dev"}]}}}""");

        var foreign = await Assert.ThrowsAsync<AwsWireException>(() => Provision(wire, productId, v1, "other", "bob"));
        var launched = await Provision(wire, productId, v1, "churn", "alice");
        var ppId = launched["RecordDetail"]!["ProvisionedProductId"]!.GetValue<string>();
        var launchRecord = await wire.ServiceCatalogAsync("DescribeRecord", new JsonObject { ["Id"] = launched["RecordDetail"]!["RecordId"]!.GetValue<string>() });
        var artifact = await wire.ServiceCatalogAsync("CreateProvisioningArtifact", new JsonObject
        {
            ["ProductId"] = productId,
            ["Parameters"] = new JsonObject
            {
                ["Name"] = "v2",
                ["Type"] = "CLOUD_FORMATION_TEMPLATE",
                ["Info"] = new JsonObject { ["LoadTemplateFromURL"] = "https://portal-products.s3.eu-west-1.amazonaws.com/notebook/v2.yaml" },
            },
            ["IdempotencyToken"] = Guid.NewGuid().ToString(),
        });
        var update = await wire.ServiceCatalogAsync("UpdateProvisionedProduct", new JsonObject
        {
            ["ProvisionedProductId"] = ppId,
            ["ProvisioningArtifactId"] = artifact["ProvisioningArtifactDetail"]!["Id"]!.GetValue<string>(),
            ["ProvisioningParameters"] = new JsonArray(
                new[] { "ProjectName", "EnvironmentType", "NotebookName", "NotebookOwner" }.Select(k => (JsonNode)new JsonObject { ["Key"] = k, ["UsePreviousValue"] = true }).ToArray()),
            ["UpdateToken"] = Guid.NewGuid().ToString(),
        });
        var updateRecord = await wire.ServiceCatalogAsync("DescribeRecord", new JsonObject { ["Id"] = update["RecordDetail"]!["RecordId"]!.GetValue<string>() });
        var notebook = await wire.SageMakerAsync("DescribeNotebookInstance", new JsonObject { ["NotebookInstanceName"] = "churn-dev-alice" });

        Assert.Equal("InvalidParametersException", foreign.Code);
        Assert.EndsWith("Notebooks of this portfolio belong to project churn", foreign.Message, StringComparison.Ordinal);
        Assert.Equal("SUCCEEDED", launchRecord["RecordDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal(environment["NotebookLaunchRoleArn"], launchRecord["RecordDetail"]!["LaunchRoleArn"]!.GetValue<string>());
        Assert.Equal("v1", Output(launchRecord, "ProductVersion"));
        Assert.Equal("SUCCEEDED", updateRecord["RecordDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal("v2", Output(updateRecord, "ProductVersion"));
        Assert.Equal("enforced", Output(updateRecord, "PreventiveControls"));
        Assert.Equal("Disabled", notebook["RootAccess"]!.GetValue<string>());
    }

    private static string Output(JsonObject record, string key) =>
        record["RecordOutputs"]!.AsArray().Single(o => o!["OutputKey"]!.GetValue<string>() == key)!["OutputValue"]!.GetValue<string>();

    private static Task<JsonObject> Constrain(AwsWireClient wire, string portfolioId, string productId, string type, string parameters) =>
        wire.ServiceCatalogAsync("CreateConstraint", new JsonObject
        {
            ["PortfolioId"] = portfolioId,
            ["ProductId"] = productId,
            ["Type"] = type,
            ["Parameters"] = parameters,
            ["IdempotencyToken"] = Guid.NewGuid().ToString(),
        });

    private static Task<JsonObject> Provision(AwsWireClient wire, string productId, string artifactId, string project, string notebook) =>
        wire.ServiceCatalogAsync("ProvisionProduct", new JsonObject
        {
            ["ProductId"] = productId,
            ["ProvisioningArtifactId"] = artifactId,
            ["ProvisionedProductName"] = $"{project}-{notebook}",
            ["ProvisioningParameters"] = new JsonArray(
                new JsonObject { ["Key"] = "ProjectName", ["Value"] = project },
                new JsonObject { ["Key"] = "EnvironmentType", ["Value"] = "dev" },
                new JsonObject { ["Key"] = "NotebookName", ["Value"] = notebook },
                new JsonObject { ["Key"] = "NotebookOwner", ["Value"] = notebook + "@example.com" }),
            ["ProvisionToken"] = Guid.NewGuid().ToString(),
        });
}
