using System.Text.Json.Nodes;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>
/// CloudFormation over loopback HTTP: SageMaker models, endpoint configurations and endpoints become real SageMaker
/// entries, and deep property validation (notebook instance type and volume, S3 bucket names) fails the resource and
/// rolls the stack back with AWS's reason.
/// </summary>
public sealed class StackResourceValidationTests : LocalCloudTest
{
    private const string HostingTemplate = """
        Resources:
          Model:
            Type: AWS::SageMaker::Model
            Properties:
              ModelName: churn-model
              ExecutionRoleArn: arn:aws:iam::000000000000:role/sagemaker-execution
              PrimaryContainer: { Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1, ModelDataUrl: s3://models/churn/model.tar.gz }
          Config:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              EndpointConfigName: churn-config
              ProductionVariants:
                - { VariantName: AllTraffic, ModelName: !GetAtt Model.ModelName, InitialInstanceCount: 1, InstanceType: ml.m5.large, InitialVariantWeight: 1 }
          Endpoint:
            Type: AWS::SageMaker::Endpoint
            Properties:
              EndpointName: churn-endpoint
              EndpointConfigName: !GetAtt Config.EndpointConfigName
        Outputs:
          ModelRef: { Value: !Ref Model }
          ConfigArn: { Value: !GetAtt Config.EndpointConfigArn }
          EndpointRef: { Value: !Ref Endpoint }
          EndpointName: { Value: !GetAtt Endpoint.EndpointName }
        """;

    [Fact]
    public async Task A_model_endpoint_config_and_endpoint_stack_creates_real_sagemaker_entries_and_deleting_removes_them()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);

        await cfn.CreateStackAsync("hosting", HostingTemplate);
        var status = await cfn.StatusAsync("hosting");
        var failures = await cfn.FailuresAsync("hosting");
        var outputs = await cfn.OutputsAsync("hosting");
        var model = await wire.SageMakerAsync("DescribeModel", new JsonObject { ["ModelName"] = "churn-model" });
        var config = await wire.SageMakerAsync("DescribeEndpointConfig", new JsonObject { ["EndpointConfigName"] = "churn-config" });
        var endpoint = await wire.SageMakerAsync("DescribeEndpoint", new JsonObject { ["EndpointName"] = "churn-endpoint" });
        await cfn.DeleteStackAsync("hosting");
        var modelGone = await Assert.ThrowsAsync<AwsWireException>(() => wire.SageMakerAsync("DescribeModel", new JsonObject { ["ModelName"] = "churn-model" }));
        var configGone = await Assert.ThrowsAsync<AwsWireException>(() => wire.SageMakerAsync("DescribeEndpointConfig", new JsonObject { ["EndpointConfigName"] = "churn-config" }));
        var endpointGone = await Assert.ThrowsAsync<AwsWireException>(() => wire.SageMakerAsync("DescribeEndpoint", new JsonObject { ["EndpointName"] = "churn-endpoint" }));

        Assert.True(status == "CREATE_COMPLETE", failures);
        Assert.Equal(model["ModelArn"]!.GetValue<string>(), outputs["ModelRef"]);
        Assert.EndsWith(":model/churn-model", outputs["ModelRef"], StringComparison.Ordinal);
        Assert.Equal("s3://models/churn/model.tar.gz", model["PrimaryContainer"]!["ModelDataUrl"]!.GetValue<string>());
        Assert.Equal(config["EndpointConfigArn"]!.GetValue<string>(), outputs["ConfigArn"]);
        Assert.Equal("churn-model", config["ProductionVariants"]![0]!["ModelName"]!.GetValue<string>());
        Assert.Equal(endpoint["EndpointArn"]!.GetValue<string>(), outputs["EndpointRef"]);
        Assert.Equal("churn-endpoint", outputs["EndpointName"]);
        Assert.Equal("churn-config", endpoint["EndpointConfigName"]!.GetValue<string>());
        Assert.Equal("AllTraffic", endpoint["ProductionVariants"]![0]!["VariantName"]!.GetValue<string>());
        Assert.All([modelGone, configGone, endpointGone], e => Assert.Equal("ValidationException", e.Code));
    }

    [Fact]
    public async Task A_new_endpoint_config_name_updates_the_endpoint_in_place_keeping_its_arn()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        await cfn.CreateStackAsync("blue-green", HostingTemplate);
        var before = await cfn.OutputsAsync("blue-green");
        var updated = HostingTemplate.Replace("EndpointConfigName: churn-config", "EndpointConfigName: churn-config-v2", StringComparison.Ordinal);

        await cfn.UpdateStackAsync("blue-green", updated);
        var after = await cfn.OutputsAsync("blue-green");
        var endpoint = await wire.SageMakerAsync("DescribeEndpoint", new JsonObject { ["EndpointName"] = "churn-endpoint" });
        var oldConfig = await Assert.ThrowsAsync<AwsWireException>(() => wire.SageMakerAsync("DescribeEndpointConfig", new JsonObject { ["EndpointConfigName"] = "churn-config" }));

        Assert.Equal("UPDATE_COMPLETE", await cfn.StatusAsync("blue-green"));
        Assert.Equal(before["EndpointRef"], after["EndpointRef"]);
        Assert.Equal("churn-config-v2", endpoint["EndpointConfigName"]!.GetValue<string>());
        Assert.Equal("ValidationException", oldConfig.Code);
    }

    [Fact]
    public async Task Create_notebook_instance_on_the_wire_applies_the_same_instance_type_rule()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var request = new JsonObject { ["NotebookInstanceName"] = "wire-notebook", ["InstanceType"] = "ml.m5.large", ["RoleArn"] = "arn:aws:iam::000000000000:role/sagemaker-execution" };

        var refused = await Assert.ThrowsAsync<AwsWireException>(() => wire.SageMakerAsync("CreateNotebookInstance", request));

        Assert.Equal("ValidationException", refused.Code);
        Assert.Contains("Value 'ml.m5.large' at 'instanceType' failed to satisfy constraint: Member must satisfy enum value set: [ml.t2.medium, ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_config_naming_a_missing_model_fails_and_the_stack_rolls_back()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        const string template = """
            Resources:
              Config:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants: [{ VariantName: AllTraffic, ModelName: no-such-model, InitialInstanceCount: 1, InstanceType: ml.m5.large }]
            """;

        await cfn.CreateStackAsync("orphan-config", template);

        Assert.Equal("ROLLBACK_COMPLETE", await cfn.StatusAsync("orphan-config"));
        Assert.Contains("Could not find model \"no-such-model\".", await FailureReasonAsync(cfn, "orphan-config", "Config"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("InstanceType: ml.t3.bogus", "Value 'ml.t3.bogus' at 'instanceType' failed to satisfy constraint: Member must satisfy enum value set: [ml.t2.medium, ")]
    [InlineData("InstanceType: ml.m5.large", "Value 'ml.m5.large' at 'instanceType' failed to satisfy constraint: Member must satisfy enum value set")]
    [InlineData("InstanceType: ml.t3.medium, VolumeSizeInGB: 4", "Value '4' at 'volumeSizeInGB' failed to satisfy constraint: Member must have value greater than or equal to 5")]
    [InlineData("InstanceType: ml.t3.medium, VolumeSizeInGB: 16385", "Value '16385' at 'volumeSizeInGB' failed to satisfy constraint: Member must have value less than or equal to 16384")]
    public async Task A_notebook_with_a_bad_instance_type_or_volume_fails_and_the_stack_rolls_back_with_the_reason(string properties, string reason)
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        var template = $$"""
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties: { BucketName: notebook-rollback-bucket }
              Notebook:
                Type: AWS::SageMaker::NotebookInstance
                DependsOn: Bucket
                Properties: { NotebookInstanceName: bad-notebook, RoleArn: 'arn:aws:iam::000000000000:role/sagemaker-execution', {{properties}} }
            """;

        await cfn.CreateStackAsync("bad-notebook", template);
        var failure = await FailureReasonAsync(cfn, "bad-notebook", "Notebook");
        var notebook = await Assert.ThrowsAsync<AwsWireException>(() => wire.SageMakerAsync("DescribeNotebookInstance", new JsonObject { ["NotebookInstanceName"] = "bad-notebook" }));
        using var s3 = SdkClients.S3(Server.Endpoint);
        var buckets = await s3.ListBucketsAsync(TestContext.Current.CancellationToken);

        Assert.Equal("ROLLBACK_COMPLETE", await cfn.StatusAsync("bad-notebook"));
        Assert.Contains("1 validation error detected: " + reason, failure, StringComparison.Ordinal);
        Assert.Equal("ValidationException", notebook.Code);
        Assert.DoesNotContain(buckets.Buckets ?? [], b => b.BucketName == "notebook-rollback-bucket");
    }

    [Theory]
    [InlineData("Bad_Bucket")]
    [InlineData("UpperCase")]
    [InlineData("ab")]
    [InlineData("-starts-with-hyphen")]
    [InlineData("ends-with-dot.")]
    [InlineData("two..dots")]
    [InlineData("192.168.10.20")]
    [InlineData("xn--punycode")]
    [InlineData("access-point-s3alias")]
    [InlineData("a-name-that-is-much-too-long-for-an-s3-bucket-sixty-four-chars12")]
    public async Task A_bucket_name_breaking_s3_naming_rules_fails_and_the_stack_rolls_back_with_the_reason(string name)
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        var template = $$"""
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties: { BucketName: '{{name}}' }
            """;

        await cfn.CreateStackAsync("bad-bucket", template);

        Assert.Equal("ROLLBACK_COMPLETE", await cfn.StatusAsync("bad-bucket"));
        Assert.Contains($"The specified bucket is not valid. (Service: S3, Status Code: 400, Error Code: InvalidBucketName, BucketName: {name})", await FailureReasonAsync(cfn, "bad-bucket", "Bucket"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bucket_name_keeping_the_rules_is_created()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);

        await cfn.CreateStackAsync("good-bucket", "Resources: { Bucket: { Type: AWS::S3::Bucket, Properties: { BucketName: good.bucket-name.2026 } } }");

        Assert.Equal("CREATE_COMPLETE", await cfn.StatusAsync("good-bucket"));
    }

    private static async Task<string> FailureReasonAsync(CfnClient cfn, string stack, string logicalId)
    {
        var failed = (await cfn.EventsAsync(stack)).First(e => CfnClient.Value(e, "LogicalResourceId") == logicalId && CfnClient.Value(e, "ResourceStatus") == "CREATE_FAILED");
        return CfnClient.Optional(failed, "ResourceStatusReason") ?? string.Empty;
    }
}
