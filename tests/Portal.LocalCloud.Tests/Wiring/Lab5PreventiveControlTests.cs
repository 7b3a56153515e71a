using System.Text.Json.Nodes;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>
/// The workshop's Lab 4/5 scenario on the repository's templates: under the notebook's execution role, the v1 policy
/// lets a training job run without a VPC; after the update to v2 that job is denied with AWS's AccessDeniedException,
/// while one in the project's subnets and security group with KMS keys and inter-container encryption is allowed, and
/// SimulatePrincipalPolicy agrees with the enforcement.
/// </summary>
public sealed class Lab5PreventiveControlTests : LocalCloudTest
{
    private const string RoleName = "churn-dev-nb-alice";

    [Fact]
    public async Task Version_2_denies_a_training_job_without_vpc_and_allows_a_compliant_one_while_version_1_allows_both()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var stacks = await WorkshopStacks.DeployAsync(wire);
        var roleArn = stacks.NotebookOutputs["NotebookExecutionRoleArn"];

        var v1Plain = await TrainAsync(roleArn, "v1-plain", Plain(roleArn, "v1-plain"));
        var v1Compliant = await TrainAsync(roleArn, "v1-vpc", Compliant(roleArn, "v1-vpc", stacks.EnvironmentOutputs));

        await stacks.UpdateNotebookToV2Async();
        var v2Plain = await TrainAsync(roleArn, "v2-plain", Plain(roleArn, "v2-plain"));
        var v2Compliant = await TrainAsync(roleArn, "v2-vpc", Compliant(roleArn, "v2-vpc", stacks.EnvironmentOutputs));
        var v2ForeignSubnet = await TrainAsync(roleArn, "v2-foreign", Compliant(roleArn, "v2-foreign", new Dictionary<string, string>(stacks.EnvironmentOutputs) { ["Subnet1Id"] = "subnet-0123456789abcdef0" }));

        Assert.Null(v1Plain);
        Assert.Null(v1Compliant);
        Assert.NotNull(v2Plain);
        Assert.Equal("AccessDeniedException", v2Plain.Code);
        Assert.Equal(400, v2Plain.Status);
        Assert.Contains("is not authorized to perform: sagemaker:CreateTrainingJob", v2Plain.Message, StringComparison.Ordinal);
        Assert.Contains("with an explicit deny in an identity-based policy", v2Plain.Message, StringComparison.Ordinal);
        Assert.Null(v2Compliant);
        Assert.Equal("AccessDeniedException", v2ForeignSubnet?.Code);
    }

    [Fact]
    public async Task SimulatePrincipalPolicy_agrees_with_enforcement_before_and_after_the_update()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var stacks = await WorkshopStacks.DeployAsync(wire);
        var roleArn = stacks.NotebookOutputs["NotebookExecutionRoleArn"];
        var outputs = stacks.EnvironmentOutputs;
        var jobArn = "arn:aws:sagemaker:eu-west-1:000000000000:training-job/sim";
        var compliant = new Dictionary<string, string>
        {
            ["ContextEntries.member.1.ContextKeyName"] = "sagemaker:VpcSubnets",
            ["ContextEntries.member.1.ContextKeyType"] = "stringList",
            ["ContextEntries.member.1.ContextKeyValues.member.1"] = outputs["Subnet1Id"],
            ["ContextEntries.member.2.ContextKeyName"] = "sagemaker:VpcSecurityGroupIds",
            ["ContextEntries.member.2.ContextKeyType"] = "stringList",
            ["ContextEntries.member.2.ContextKeyValues.member.1"] = outputs["WorkloadSecurityGroupId"],
            ["ContextEntries.member.3.ContextKeyName"] = "sagemaker:VolumeKmsKey",
            ["ContextEntries.member.3.ContextKeyType"] = "string",
            ["ContextEntries.member.3.ContextKeyValues.member.1"] = outputs["KmsKeyArn"],
            ["ContextEntries.member.4.ContextKeyName"] = "sagemaker:OutputKmsKey",
            ["ContextEntries.member.4.ContextKeyType"] = "string",
            ["ContextEntries.member.4.ContextKeyValues.member.1"] = outputs["KmsKeyArn"],
            ["ContextEntries.member.5.ContextKeyName"] = "sagemaker:InterContainerTrafficEncryption",
            ["ContextEntries.member.5.ContextKeyType"] = "boolean",
            ["ContextEntries.member.5.ContextKeyValues.member.1"] = "true",
        };

        var v1 = await SimulateAsync(wire, roleArn, jobArn, []);
        await stacks.UpdateNotebookToV2Async();
        var v2Plain = await SimulateAsync(wire, roleArn, jobArn, []);
        var v2Compliant = await SimulateAsync(wire, roleArn, jobArn, compliant);

        Assert.Equal("allowed", CfnClient.Value(v1, "EvalDecision"));
        Assert.Equal("explicitDeny", CfnClient.Value(v2Plain, "EvalDecision"));
        Assert.Contains(v2Plain.Descendants().Where(e => e.Name.LocalName == "SourcePolicyId"), e => e.Value == "notebook-execution");
        Assert.Equal("allowed", CfnClient.Value(v2Compliant, "EvalDecision"));
    }

    private static Task<XElement> SimulateAsync(AwsWireClient wire, string roleArn, string resourceArn, Dictionary<string, string> context)
    {
        var form = new Dictionary<string, string>(context)
        {
            ["PolicySourceArn"] = roleArn,
            ["ActionNames.member.1"] = "sagemaker:CreateTrainingJob",
            ["ResourceArns.member.1"] = resourceArn,
        };
        return wire.QueryAsync("iam", "2010-05-08", "SimulatePrincipalPolicy", form);
    }

    /// <summary>Creates a training job as a session of the notebook's execution role; null when allowed, the error when refused.</summary>
    private async Task<AwsWireException?> TrainAsync(string roleArn, string session, JsonObject request)
    {
        using var root = new AwsWireClient(Server.Endpoint);

        // The execution role trusts SageMaker; the test stands in for SageMaker by letting the account assume it.
        await root.QueryAsync("iam", "2010-05-08", "UpdateAssumeRolePolicy", new Dictionary<string, string>
        {
            ["RoleName"] = RoleName,
            ["PolicyDocument"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"sts:AssumeRole"}]}""",
        });
        using var sts = SdkClients.Sts(Server.Endpoint);
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = session }, TestContext.Current.CancellationToken);
        var credentials = new SessionAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken);
        using var asRole = new AwsWireClient(Server.Endpoint, credentials);
        try
        {
            await asRole.SageMakerAsync("CreateTrainingJob", request);
            return null;
        }
        catch (AwsWireException e)
        {
            return e;
        }
    }

    private static JsonObject Plain(string roleArn, string name) => new()
    {
        ["TrainingJobName"] = name,
        ["RoleArn"] = roleArn,
        ["AlgorithmSpecification"] = new JsonObject { ["TrainingImage"] = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1", ["TrainingInputMode"] = "File" },
        ["OutputDataConfig"] = new JsonObject { ["S3OutputPath"] = "s3://churn-dev-model/output" },
        ["ResourceConfig"] = new JsonObject { ["InstanceType"] = "ml.m5.large", ["InstanceCount"] = 1, ["VolumeSizeInGB"] = 10 },
        ["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = 3600 },
    };

    private static JsonObject Compliant(string roleArn, string name, IReadOnlyDictionary<string, string> environment)
    {
        var request = Plain(roleArn, name);
        request["VpcConfig"] = new JsonObject
        {
            ["Subnets"] = new JsonArray(environment["Subnet1Id"]),
            ["SecurityGroupIds"] = new JsonArray(environment["WorkloadSecurityGroupId"]),
        };
        request["ResourceConfig"]!["VolumeKmsKeyId"] = environment["KmsKeyArn"];
        request["OutputDataConfig"]!["KmsKeyId"] = environment["KmsKeyArn"];
        request["EnableInterContainerTrafficEncryption"] = true;
        return request;
    }
}
