using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>Service Catalog launches, updates and terminations running CloudFormation stacks in LocalCloud.</summary>
public sealed class ServiceCatalogStackTests : LocalCloudTest
{
    private const string ProductTemplate = """
        Parameters:
          BucketSuffix: { Type: String }
          InstanceType: { Type: String, Default: ml.t3.medium, AllowedValues: [ml.t3.medium, ml.t3.large, ml.p3.2xlarge] }
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties: { BucketName: !Sub 'sc-${BucketSuffix}' }
          Setting:
            Type: AWS::SSM::Parameter
            Properties: { Name: !Sub '/sc/${BucketSuffix}/instance-type', Type: String, Value: !Ref InstanceType }
        Outputs:
          BucketName: { Value: !Ref Bucket, Description: The product's bucket }
        """;

    private const string TemplateRules = """{"Rules":{"InstanceTypes":{"Assertions":[{"Assert":{"Fn::Contains":[["ml.t3.medium","ml.t3.large"],{"Ref":"InstanceType"}]},"AssertDescription":"GPU notebooks are not allowed in this portfolio"}]}}}""";

    [Fact]
    public async Task A_launch_becomes_a_stack_with_outputs_a_failing_update_taints_it_and_termination_deletes_it()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var (productId, artifactId) = await PublishAsync(wire);

        var refused = await Assert.ThrowsAsync<AwsWireException>(() => ProvisionAsync(wire, productId, artifactId, "gpu", "ml.p3.2xlarge"));
        var launched = await ProvisionAsync(wire, productId, artifactId, "good", "ml.t3.medium");
        var record = await RecordAsync(wire, launched["RecordDetail"]!["RecordId"]!.GetValue<string>());
        var ppId = launched["RecordDetail"]!["ProvisionedProductId"]!.GetValue<string>();
        var available = await ProvisionedAsync(wire, ppId);
        var cfn = new CfnClient(wire);
        var stack = await cfn.DescribeAsync($"SC-000000000000-{ppId}");

        var update = await wire.ServiceCatalogAsync("UpdateProvisionedProduct", new JsonObject
        {
            ["ProvisionedProductId"] = ppId,
            ["ProvisioningParameters"] = new JsonArray(new JsonObject { ["Key"] = "BucketSuffix", ["Value"] = "Not_A_Bucket" }, new JsonObject { ["Key"] = "InstanceType", ["UsePreviousValue"] = true }),
            ["UpdateToken"] = Guid.NewGuid().ToString(),
        });
        var failedUpdate = await RecordAsync(wire, update["RecordDetail"]!["RecordId"]!.GetValue<string>());
        var tainted = await ProvisionedAsync(wire, ppId);
        var rolledBack = await cfn.StatusAsync(CfnClient.Value(stack, "StackId"));
        var terminate = await wire.ServiceCatalogAsync("TerminateProvisionedProduct", new JsonObject { ["ProvisionedProductId"] = ppId, ["TerminateToken"] = Guid.NewGuid().ToString() });
        var terminated = await RecordAsync(wire, terminate["RecordDetail"]!["RecordId"]!.GetValue<string>());

        Assert.Equal("InvalidParametersException", refused.Code);
        Assert.EndsWith("GPU notebooks are not allowed in this portfolio", refused.Message, StringComparison.Ordinal);
        Assert.Equal("SUCCEEDED", record["RecordDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal("sc-good", record["RecordOutputs"]!.AsArray().Single(o => o!["OutputKey"]!.GetValue<string>() == "BucketName")!["OutputValue"]!.GetValue<string>());
        Assert.Equal("AVAILABLE", available["ProvisionedProductDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal("CREATE_COMPLETE", CfnClient.Value(stack, "StackStatus"));
        Assert.Equal("FAILED", failedUpdate["RecordDetail"]!["Status"]!.GetValue<string>());
        Assert.NotEmpty(failedUpdate["RecordDetail"]!["RecordErrors"]!.AsArray());
        Assert.Equal("TAINTED", tainted["ProvisionedProductDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal("UPDATE_ROLLBACK_COMPLETE", rolledBack);
        Assert.Equal("SUCCEEDED", terminated["RecordDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal("DELETE_COMPLETE", await cfn.StatusAsync(CfnClient.Value(stack, "StackId")));
    }

    [Fact]
    public async Task Terminating_with_RetainPhysicalResources_removes_the_product_but_keeps_its_stack_and_resources()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var (productId, artifactId) = await PublishAsync(wire);
        var launched = await ProvisionAsync(wire, productId, artifactId, "kept", "ml.t3.medium");
        var ppId = launched["RecordDetail"]!["ProvisionedProductId"]!.GetValue<string>();

        var terminate = await wire.ServiceCatalogAsync("TerminateProvisionedProduct", new JsonObject
        {
            ["ProvisionedProductId"] = ppId,
            ["RetainPhysicalResources"] = true,
            ["TerminateToken"] = Guid.NewGuid().ToString(),
        });
        var terminated = await RecordAsync(wire, terminate["RecordDetail"]!["RecordId"]!.GetValue<string>());
        var gone = await Assert.ThrowsAsync<AwsWireException>(() => ProvisionedAsync(wire, ppId));
        var stack = await new CfnClient(wire).StatusAsync($"SC-000000000000-{ppId}");
        using var s3 = SdkClients.S3(Server.Endpoint);
        var buckets = (await s3.ListBucketsAsync(Ct)).Buckets?.Select(b => b.BucketName).ToList() ?? [];

        Assert.Equal("SUCCEEDED", terminated["RecordDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal("ResourceNotFoundException", gone.Code);
        Assert.Equal("CREATE_COMPLETE", stack);
        Assert.Contains("sc-kept", buckets);
    }

    private async Task<(string ProductId, string ArtifactId)> PublishAsync(AwsWireClient wire)
    {
        using var s3 = SdkClients.S3(Server.Endpoint);
        await s3.PutBucketAsync("sc-templates", TestContext.Current.CancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "sc-templates", Key = "product.yaml", ContentBody = ProductTemplate }, TestContext.Current.CancellationToken);
        var launchRole = await wire.QueryAsync("iam", "2010-05-08", "CreateRole", new Dictionary<string, string>
        {
            ["RoleName"] = "sc-launch",
            ["AssumeRolePolicyDocument"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"servicecatalog.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
        });
        await wire.QueryAsync("iam", "2010-05-08", "PutRolePolicy", new Dictionary<string, string>
        {
            ["RoleName"] = "sc-launch",
            ["PolicyName"] = "launch-bucket-product",
            ["PolicyDocument"] = """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":["cloudformation:CreateStack","cloudformation:UpdateStack","cloudformation:DeleteStack"],"Resource":"arn:aws:cloudformation:*:*:stack/SC-*"},
                  {"Effect":"Allow","Action":["s3:CreateBucket","s3:DeleteBucket"],"Resource":"arn:aws:s3:::sc-*"},
                  {"Effect":"Allow","Action":["ssm:PutParameter","ssm:DeleteParameter"],"Resource":"arn:aws:ssm:*:*:parameter/sc/*"}]}
                """,
        });
        var portfolio = await wire.ServiceCatalogAsync("CreatePortfolio", new JsonObject { ["DisplayName"] = "Notebooks", ["ProviderName"] = "Platform", ["IdempotencyToken"] = Guid.NewGuid().ToString() });
        var portfolioId = portfolio["PortfolioDetail"]!["Id"]!.GetValue<string>();
        var product = await wire.ServiceCatalogAsync("CreateProduct", new JsonObject
        {
            ["Name"] = "Bucket product",
            ["Owner"] = "Platform",
            ["ProductType"] = "CLOUD_FORMATION_TEMPLATE",
            ["ProvisioningArtifactParameters"] = new JsonObject
            {
                ["Name"] = "v1",
                ["Type"] = "CLOUD_FORMATION_TEMPLATE",
                ["Info"] = new JsonObject { ["LoadTemplateFromURL"] = "https://sc-templates.s3.eu-west-1.amazonaws.com/product.yaml" },
            },
            ["IdempotencyToken"] = Guid.NewGuid().ToString(),
        });
        var productId = product["ProductViewDetail"]!["ProductViewSummary"]!["ProductId"]!.GetValue<string>();
        await wire.ServiceCatalogAsync("AssociateProductWithPortfolio", new JsonObject { ["ProductId"] = productId, ["PortfolioId"] = portfolioId });
        await wire.ServiceCatalogAsync("AssociatePrincipalWithPortfolio", new JsonObject { ["PortfolioId"] = portfolioId, ["PrincipalARN"] = "arn:aws:iam::000000000000:root", ["PrincipalType"] = "IAM" });
        await wire.ServiceCatalogAsync("CreateConstraint", new JsonObject
        {
            ["PortfolioId"] = portfolioId,
            ["ProductId"] = productId,
            ["Type"] = "LAUNCH",
            ["Parameters"] = $$"""{"RoleArn":"{{CfnClient.Value(launchRole, "Arn")}}"}""",
            ["IdempotencyToken"] = Guid.NewGuid().ToString(),
        });
        await wire.ServiceCatalogAsync("CreateConstraint", new JsonObject
        {
            ["PortfolioId"] = portfolioId,
            ["ProductId"] = productId,
            ["Type"] = "TEMPLATE",
            ["Parameters"] = TemplateRules,
            ["IdempotencyToken"] = Guid.NewGuid().ToString(),
        });
        return (productId, product["ProvisioningArtifactDetail"]!["Id"]!.GetValue<string>());
    }

    private static Task<JsonObject> ProvisionAsync(AwsWireClient wire, string productId, string artifactId, string suffix, string instanceType) =>
        wire.ServiceCatalogAsync("ProvisionProduct", new JsonObject
        {
            ["ProductId"] = productId,
            ["ProvisioningArtifactId"] = artifactId,
            ["ProvisionedProductName"] = "pp-" + suffix,
            ["ProvisioningParameters"] = new JsonArray(new JsonObject { ["Key"] = "BucketSuffix", ["Value"] = suffix }, new JsonObject { ["Key"] = "InstanceType", ["Value"] = instanceType }),
            ["ProvisionToken"] = Guid.NewGuid().ToString(),
        });

    private static Task<JsonObject> RecordAsync(AwsWireClient wire, string recordId) =>
        wire.ServiceCatalogAsync("DescribeRecord", new JsonObject { ["Id"] = recordId });

    private static Task<JsonObject> ProvisionedAsync(AwsWireClient wire, string id) =>
        wire.ServiceCatalogAsync("DescribeProvisionedProduct", new JsonObject { ["Id"] = id });
}
