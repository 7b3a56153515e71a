using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Amazon.S3.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>The repository's templates deployed, updated and deleted through LocalCloud's CloudFormation API.</summary>
public sealed class WorkshopDeploymentTests : LocalCloudTest
{
    [Fact]
    public async Task The_notebook_is_created_locked_down_updated_to_v2_in_place_and_deleted()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var stacks = await WorkshopStacks.DeployAsync(wire);
        var before = await wire.SageMakerAsync("DescribeNotebookInstance", new JsonObject { ["NotebookInstanceName"] = WorkshopStacks.NotebookInstanceName });

        await stacks.UpdateNotebookToV2Async();
        var after = await wire.SageMakerAsync("DescribeNotebookInstance", new JsonObject { ["NotebookInstanceName"] = WorkshopStacks.NotebookInstanceName });
        var policy = await wire.QueryAsync("iam", "2010-05-08", "GetRolePolicy", new Dictionary<string, string> { ["RoleName"] = "churn-dev-nb-alice", ["PolicyName"] = "notebook-execution" });
        await stacks.Cfn.DeleteStackAsync(WorkshopStacks.Notebook);
        var deleted = await Assert.ThrowsAsync<AwsWireException>(() => wire.SageMakerAsync("DescribeNotebookInstance", new JsonObject { ["NotebookInstanceName"] = WorkshopStacks.NotebookInstanceName }));
        var role = await Assert.ThrowsAsync<AwsWireException>(() => wire.QueryAsync("iam", "2010-05-08", "GetRole", new Dictionary<string, string> { ["RoleName"] = "churn-dev-nb-alice" }));

        Assert.Equal("Disabled", before["RootAccess"]!.GetValue<string>());
        Assert.Equal("Disabled", before["DirectInternetAccess"]!.GetValue<string>());
        Assert.Equal(stacks.EnvironmentOutputs["Subnet1Id"], before["SubnetId"]!.GetValue<string>());
        Assert.Equal(before["NotebookInstanceArn"]!.GetValue<string>(), after["NotebookInstanceArn"]!.GetValue<string>());
        Assert.Equal("v2", stacks.NotebookOutputs["ProductVersion"]);
        Assert.Contains("DenyWorkloadsWithoutVpc", Uri.UnescapeDataString(CfnClient.Value(policy, "PolicyDocument")), StringComparison.Ordinal);
        Assert.Equal("DELETE_COMPLETE", await stacks.Cfn.StatusAsync(await StackIdAsync(stacks, WorkshopStacks.Notebook)));
        Assert.Equal("ValidationException", deleted.Code);
        Assert.Equal("NoSuchEntity", role.Code);
    }

    [Fact]
    public async Task The_environment_creates_real_network_entries_and_buckets_that_deny_access_outside_the_project_endpoint()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var stacks = await WorkshopStacks.DeployAsync(wire);
        var outputs = stacks.EnvironmentOutputs;
        using var ec2 = SdkClients.Ec2(Server.Endpoint);
        using var s3 = SdkClients.S3(Server.Endpoint);

        var subnets = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [outputs["Subnet1Id"], outputs["Subnet2Id"], outputs["Subnet3Id"]] }, Ct);
        var endpoints = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [outputs["S3EndpointId"]] }, Ct);
        var policy = await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = outputs["DataBucketName"] }, Ct);
        var versioning = await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = outputs["DataBucketName"] }, Ct);
        var encryption = await s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = outputs["DataBucketName"] }, Ct);

        Assert.Equal(3, subnets.Subnets.Count);
        Assert.All(subnets.Subnets, s => Assert.Equal(outputs["VpcId"], s.VpcId));
        Assert.Equal(["eu-west-1a", "eu-west-1b", "eu-west-1c"], subnets.Subnets.Select(s => s.AvailabilityZone).Order());
        Assert.Equal(outputs["VpcId"], Assert.Single(endpoints.VpcEndpoints).VpcId);
        var statements = JsonNode.Parse(policy.Policy)!["Statement"]!.AsArray();
        var deny = statements.Single(s => s!["Sid"]!.GetValue<string>() == "DenyDataAccessOutsideProjectEndpoint")!;
        Assert.Equal("Deny", deny["Effect"]!.GetValue<string>());
        Assert.Equal(outputs["S3EndpointId"], deny["Condition"]!["StringNotEquals"]!["aws:SourceVpce"]!.GetValue<string>());
        Assert.Contains(deny["Action"]!.AsArray(), a => a!.GetValue<string>() == "s3:GetObject*");
        Assert.Contains(statements, s => s!["Sid"]!.GetValue<string>() == "DenyInsecureTransport");
        Assert.Equal("Enabled", versioning.VersioningConfig.Status.Value);
        Assert.Equal("aws:kms", encryption.ServerSideEncryptionConfiguration.ServerSideEncryptionRules[0].ServerSideEncryptionByDefault.ServerSideEncryptionAlgorithm.Value);
    }

    [Fact]
    public async Task The_environment_cannot_be_deleted_while_a_notebook_imports_it_and_a_non_empty_bucket_fails_the_delete_until_emptied()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var stacks = await WorkshopStacks.DeployAsync(wire);
        var cfn = stacks.Cfn;
        using var s3 = SdkClients.S3(Server.Endpoint);
        var bucket = stacks.EnvironmentOutputs["DataBucketName"];

        await cfn.DeleteStackAsync(WorkshopStacks.Environment);
        var inUse = await cfn.DescribeAsync(WorkshopStacks.Environment);
        await cfn.DeleteStackAsync(WorkshopStacks.Notebook);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "raw/data.csv", ContentBody = "a,b\n" }, Ct);
        await cfn.DeleteStackAsync(WorkshopStacks.Environment);
        var notEmpty = await cfn.DescribeAsync(WorkshopStacks.Environment);
        var failedBucket = (await cfn.ResourcesAsync(WorkshopStacks.Environment)).Single(r => CfnClient.Value(r, "LogicalResourceId") == "DataBucket");
        await s3.DeleteObjectAsync(bucket, "raw/data.csv", Ct);
        var stackId = CfnClient.Value(notEmpty, "StackId");
        await cfn.DeleteStackAsync(WorkshopStacks.Environment);

        Assert.Equal("DELETE_FAILED", CfnClient.Value(inUse, "StackStatus"));
        Assert.Contains("cannot be deleted as it is in use by churn-dev-nb-alice", CfnClient.Value(inUse, "StackStatusReason"), StringComparison.Ordinal);
        Assert.Equal("DELETE_FAILED", CfnClient.Value(notEmpty, "StackStatus"));
        Assert.Equal("DELETE_FAILED", CfnClient.Value(failedBucket, "ResourceStatus"));
        Assert.Contains("The bucket you tried to delete is not empty", CfnClient.Value(failedBucket, "ResourceStatusReason"), StringComparison.Ordinal);
        Assert.Equal("DELETE_COMPLETE", await cfn.StatusAsync(stackId));
        await Assert.ThrowsAsync<Amazon.S3.AmazonS3Exception>(() => s3.GetBucketLocationAsync(bucket, Ct));
    }

    private static async Task<string> StackIdAsync(WorkshopStacks stacks, string name) =>
        CfnClient.Value((await stacks.Cfn.CallAsync("ListStacks")).Descendants().First(e => e.Name.LocalName == "member" && CfnClient.Value(e, "StackName") == name), "StackId");
}
