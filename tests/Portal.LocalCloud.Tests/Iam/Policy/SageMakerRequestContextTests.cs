using System.Text.Json.Nodes;
using Portal.LocalCloud.Iam.Policy;

namespace Portal.LocalCloud.Tests.Iam.Policy;

public class SageMakerRequestContextTests
{
    private static SageMakerAuthorizationRequest Map(string operation, string json) =>
        SageMakerRequestContext.Map(operation, (JsonObject)JsonNode.Parse(json)!, "aws", "eu-west-2", "123456789012");

    [Fact]
    public void A_notebook_request_maps_its_fields_to_keys()
    {
        var mapped = Map("CreateNotebookInstance", """
            {"NotebookInstanceName":"nb","InstanceType":"ml.t3.medium","SubnetId":"subnet-a","SecurityGroupIds":["sg-1"],
             "KmsKeyId":"key-1","RootAccess":"Disabled","DirectInternetAccess":"Disabled","LifecycleConfigName":"lc",
             "Tags":[{"Key":"owner","Value":"alice"}]}
            """);
        var context = mapped.Context;
        Assert.Equal("sagemaker:CreateNotebookInstance", mapped.Action);
        Assert.Equal(["arn:aws:sagemaker:eu-west-2:123456789012:notebook-instance/nb"], mapped.ResourceArns);
        Assert.Equal(["subnet-a"], context["sagemaker:VpcSubnets"]!.Values);
        Assert.True(context["sagemaker:VpcSubnets"]!.IsMultiValued);
        Assert.Equal(["sg-1"], context["sagemaker:VpcSecurityGroupIds"]!.Values);
        Assert.Equal(["ml.t3.medium"], context["sagemaker:InstanceTypes"]!.Values);
        Assert.Equal("key-1", context["sagemaker:VolumeKmsKey"]!.Values[0]);
        Assert.Equal("arn:aws:kms:eu-west-2:123456789012:key/key-1", context["sagemaker:VolumeKmsKeyArn"]!.Values[0]);
        Assert.Equal("Disabled", context["sagemaker:RootAccess"]!.Values[0]);
        Assert.Equal("Disabled", context["sagemaker:DirectInternetAccess"]!.Values[0]);
        Assert.Equal(["arn:aws:sagemaker:eu-west-2:123456789012:notebook-instance-lifecycle-config/lc"],
            context["sagemaker:NotebookInstanceLifecycleConfigArns"]!.Values);
        Assert.Equal("alice", context["aws:RequestTag/owner"]!.Values[0]);
        Assert.Equal(["owner"], context["aws:TagKeys"]!.Values);
    }

    [Fact]
    public void Absent_fields_give_absent_keys_not_service_defaults()
    {
        var context = Map("CreateNotebookInstance", """{"NotebookInstanceName":"nb","InstanceType":"ml.t3.medium","Tags":[]}""").Context;
        Assert.False(context.Contains("sagemaker:RootAccess"));
        Assert.False(context.Contains("sagemaker:VpcSubnets"));
        Assert.False(context.Contains("aws:TagKeys"));
    }

    [Fact]
    public void Processing_jobs_read_the_network_config()
    {
        var context = Map("CreateProcessingJob", """
            {"ProcessingJobName":"p","NetworkConfig":{"EnableInterContainerTrafficEncryption":true,"EnableNetworkIsolation":false,
              "VpcConfig":{"Subnets":["subnet-a","subnet-b"],"SecurityGroupIds":["sg-1"]}},
             "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.c4.xlarge","InstanceCount":1,"VolumeKmsKeyId":"arn:aws:kms:eu-west-2:123456789012:key/k"}},
             "ProcessingOutputConfig":{"KmsKeyId":"alias/out"}}
            """).Context;
        Assert.Equal(["subnet-a", "subnet-b"], context["sagemaker:VpcSubnets"]!.Values);
        Assert.Equal("true", context["sagemaker:InterContainerTrafficEncryption"]!.Values[0]);
        Assert.Equal("false", context["sagemaker:NetworkIsolation"]!.Values[0]);
        Assert.Equal("arn:aws:kms:eu-west-2:123456789012:key/k", context["sagemaker:VolumeKmsKeyArn"]!.Values[0]);
        Assert.Equal("arn:aws:kms:eu-west-2:123456789012:alias/out", context["sagemaker:OutputKmsKeyArn"]!.Values[0]);
    }

    [Fact]
    public void Tuning_jobs_union_every_training_definition()
    {
        var context = Map("CreateHyperParameterTuningJob", """
            {"HyperParameterTuningJobName":"h",
             "TrainingJobDefinitions":[{"VpcConfig":{"Subnets":["subnet-a"],"SecurityGroupIds":["sg-1"]},"ResourceConfig":{"InstanceType":"ml.m5.large"}},
                                       {"VpcConfig":{"Subnets":["subnet-b"],"SecurityGroupIds":["sg-1"]},"ResourceConfig":{"InstanceType":"ml.m5.xlarge"}}]}
            """).Context;
        Assert.Equal(["subnet-a", "subnet-b"], context["sagemaker:VpcSubnets"]!.Values);
        Assert.Equal(["sg-1"], context["sagemaker:VpcSecurityGroupIds"]!.Values);
        Assert.Equal(["ml.m5.large", "ml.m5.xlarge"], context["sagemaker:InstanceTypes"]!.Values);
    }

    [Fact]
    public void Endpoint_configs_read_variants_and_endpoints_authorise_against_two_resources()
    {
        var context = Map("CreateEndpointConfig", """
            {"EndpointConfigName":"ec","ProductionVariants":[{"VariantName":"AllTraffic","ModelName":"m","InstanceType":"ml.m5.xlarge","InitialInstanceCount":1}]}
            """).Context;
        Assert.Equal(["ml.m5.xlarge"], context["sagemaker:InstanceTypes"]!.Values);
        Assert.Equal("arn:aws:sagemaker:eu-west-2:123456789012:model/m", context["sagemaker:ModelArn"]!.Values[0]);
        Assert.False(context.Contains("sagemaker:VolumeKmsKey"));

        var endpoint = Map("CreateEndpoint", """{"EndpointName":"e","EndpointConfigName":"ec"}""");
        Assert.Equal(
            ["arn:aws:sagemaker:eu-west-2:123456789012:endpoint/e", "arn:aws:sagemaker:eu-west-2:123456789012:endpoint-config/ec"],
            endpoint.ResourceArns);
    }

    [Fact]
    public void Studio_style_encryption_controls_refuse_jobs_without_kms_keys()
    {
        var policy = new NamedPolicy("studio", PolicySourceType.Role, PolicyDocument.Parse("""
            {"Version":"2012-10-17","Statement":[{"Sid":"Encrypted","Effect":"Allow","Action":"sagemaker:CreateTrainingJob","Resource":"*",
              "Condition":{"BoolIfExists":{"sagemaker:InterContainerTrafficEncryption":"true"},
                           "Null":{"sagemaker:VolumeKmsKey":"false","sagemaker:OutputKmsKey":"false"}}}]}
            """));
        var encrypted = Map("CreateTrainingJob", """
            {"TrainingJobName":"t","EnableInterContainerTrafficEncryption":true,
             "ResourceConfig":{"InstanceType":"ml.m5.large","VolumeKmsKeyId":"k"},"OutputDataConfig":{"KmsKeyId":"k"}}
            """);
        var plain = Map("CreateTrainingJob", """{"TrainingJobName":"t","ResourceConfig":{"InstanceType":"ml.m5.large"}}""");
        Assert.True(SageMakerAuthorizer.Authorize(encrypted, "arn:aws:sts::1:assumed-role/r/s", [policy]).IsAllowed);
        Assert.False(SageMakerAuthorizer.Authorize(plain, "arn:aws:sts::1:assumed-role/r/s", [policy]).IsAllowed);
    }

    [Fact]
    public void Unknown_operations_are_refused() =>
        Assert.Throws<ArgumentException>(() => Map("DeleteModel", "{}"));
}
