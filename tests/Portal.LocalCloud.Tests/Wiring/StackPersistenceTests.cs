using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>Stacks survive a restart with the rest of LocalCloud's state, and operations also run in the background when lifecycles take time.</summary>
public sealed class StackPersistenceTests : IDisposable
{
    private const string Template = """
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties: { BucketName: !Sub 'persist-${AWS::Region}' }
          Setting:
            Type: AWS::SSM::Parameter
            Properties: { Name: /persist/bucket, Type: String, Value: !Ref Bucket }
        Outputs:
          Bucket: { Value: !Ref Bucket, Export: { Name: persisted-bucket } }
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lc-cfn-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_stack_created_before_a_restart_is_described_and_deleted_after_it()
    {
        var settings = new Dictionary<string, string?> { ["LocalCloud:DataDirectory"] = _directory };
        string stackId;
        await using (var first = await LocalCloudServer.StartAsync(settings))
        {
            using var wire = new AwsWireClient(first.Endpoint);
            stackId = await new CfnClient(wire).CreateStackAsync("persisted", Template);
        }

        await using var second = await LocalCloudServer.StartAsync(settings);
        using var again = new AwsWireClient(second.Endpoint);
        var cfn = new CfnClient(again);
        var stack = await cfn.DescribeAsync("persisted");
        var exports = await cfn.CallAsync("ListExports");
        await cfn.DeleteStackAsync("persisted");
        var status = await cfn.StatusAsync(stackId);
        using var s3 = SdkClients.S3(second.Endpoint);
        var buckets = await s3.ListBucketsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(stackId, CfnClient.Value(stack, "StackId"));
        Assert.Equal("CREATE_COMPLETE", CfnClient.Value(stack, "StackStatus"));
        Assert.Equal("persist-eu-west-1", CfnClient.Value(exports, "Value"));
        Assert.Equal("DELETE_COMPLETE", status);
        Assert.DoesNotContain(buckets.Buckets ?? [], b => b.BucketName == "persist-eu-west-1");
    }

    [Fact]
    public async Task With_a_lifecycle_clock_the_operation_finishes_in_the_background()
    {
        await using var server = await LocalCloudServer.StartAsync(new Dictionary<string, string?> { ["LocalCloud:LifecycleSeconds"] = "1" });
        using var wire = new AwsWireClient(server.Endpoint);
        var cfn = new CfnClient(wire);

        await cfn.CreateStackAsync("background", Template);
        var status = await WaitForAsync(cfn, "background");
        var resources = await cfn.ResourcesAsync("background");

        Assert.Equal("CREATE_COMPLETE", status);
        Assert.All(resources, r => Assert.Equal("CREATE_COMPLETE", CfnClient.Value(r, "ResourceStatus")));
    }

    [Fact]
    public async Task With_a_lifecycle_clock_a_service_catalog_launch_follows_its_background_stack_to_success()
    {
        await using var server = await LocalCloudServer.StartAsync(new Dictionary<string, string?> { ["LocalCloud:LifecycleSeconds"] = "1" });
        using var wire = new AwsWireClient(server.Endpoint);
        using var s3 = SdkClients.S3(server.Endpoint);
        await s3.PutBucketAsync("catalog-templates", TestContext.Current.CancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "catalog-templates", Key = "product.yaml", ContentBody = CatalogStackTests.ProductTemplate }, TestContext.Current.CancellationToken);
        var cfn = new CfnClient(wire);
        await cfn.CreateStackAsync("catalog", CatalogStackTests.CatalogTemplate);
        Assert.Equal("CREATE_COMPLETE", await WaitForAsync(cfn, "catalog"));
        var outputs = await cfn.OutputsAsync("catalog");

        var launched = await wire.ServiceCatalogAsync("ProvisionProduct", new JsonObject
        {
            ["ProductId"] = outputs["ProductId"],
            ["ProvisioningArtifactId"] = outputs["ArtifactIds"],
            ["ProvisionedProductName"] = "background",
            ["ProvisioningParameters"] = new JsonArray(new JsonObject { ["Key"] = "InstanceType", ["Value"] = "ml.t3.medium" }),
            ["ProvisionToken"] = Guid.NewGuid().ToString(),
        });
        var recordId = launched["RecordDetail"]!["RecordId"]!.GetValue<string>();
        var status = string.Empty;
        for (var attempt = 0; attempt < 400 && status is not ("SUCCEEDED" or "FAILED"); attempt++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
            status = (await wire.ServiceCatalogAsync("DescribeRecord", new JsonObject { ["Id"] = recordId }))["RecordDetail"]!["Status"]!.GetValue<string>();
        }

        var product = await wire.ServiceCatalogAsync("DescribeProvisionedProduct", new JsonObject { ["Name"] = "background" });

        Assert.Equal("CREATED", launched["RecordDetail"]!["Status"]!.GetValue<string>());
        Assert.Equal("SUCCEEDED", status);
        Assert.Equal("AVAILABLE", product["ProvisionedProductDetail"]!["Status"]!.GetValue<string>());
    }

    /// <summary>Polls DescribeStacks (at most 400 times) until the stack leaves its in-progress status.</summary>
    private static async Task<string> WaitForAsync(CfnClient cfn, string name)
    {
        var status = string.Empty;
        for (var attempt = 0; attempt < 400; attempt++)
        {
            status = await cfn.StatusAsync(name);
            if (!status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal))
            {
                return status;
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        return status;
    }

}
