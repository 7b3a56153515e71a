using Amazon.S3.Model;
using Amazon.SimpleSystemsManagement.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>LocalCloud's CloudFormation Query API over loopback HTTP: template URLs, events, rollback, nested stacks, exports, SSM parameters, persistence.</summary>
public sealed class StackApiTests : LocalCloudTest
{
    private const string BucketTemplate = """
        Parameters:
          Suffix: { Type: String, Description: Name suffix }
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties: { BucketName: !Sub 'api-${Suffix}' }
        Outputs:
          BucketArn: { Value: !GetAtt Bucket.Arn }
        """;

    [Fact]
    public async Task A_template_url_is_read_from_local_s3_in_every_aws_url_form()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        using var s3 = SdkClients.S3(Server.Endpoint);
        await s3.PutBucketAsync("cfn-templates", Ct);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "cfn-templates", Key = "dir/bucket.yaml", ContentBody = BucketTemplate }, Ct);
        string[] urls =
        [
            "https://s3.amazonaws.com/cfn-templates/dir/bucket.yaml",
            "https://s3.eu-west-1.amazonaws.com/cfn-templates/dir/bucket.yaml",
            "https://cfn-templates.s3.amazonaws.com/dir/bucket.yaml",
            "https://cfn-templates.s3.eu-west-1.amazonaws.com/dir/bucket.yaml",
            Server.Endpoint + "/cfn-templates/dir/bucket.yaml",
        ];

        var statuses = new List<string>();
        for (var i = 0; i < urls.Length; i++)
        {
            await cfn.CreateStackAsync("url-" + CfnClient.Index(i), null, new Dictionary<string, string> { ["Suffix"] = "u" + CfnClient.Index(i) }, urls[i]);
            statuses.Add(await cfn.StatusAsync("url-" + CfnClient.Index(i)));
        }

        var missing = await Assert.ThrowsAsync<AwsWireException>(() => cfn.CreateStackAsync("url-missing", null, null, "https://cfn-templates.s3.amazonaws.com/nope.yaml"));
        var template = await cfn.CallAsync("GetTemplate", new Dictionary<string, string> { ["StackName"] = "url-0" });
        var validated = await cfn.CallAsync("ValidateTemplate", new Dictionary<string, string> { ["TemplateURL"] = urls[3] });

        Assert.All(statuses, s => Assert.Equal("CREATE_COMPLETE", s));
        Assert.Equal("ValidationError", missing.Code);
        Assert.Equal(BucketTemplate, CfnClient.Value(template, "TemplateBody"));
        Assert.Equal("Suffix", CfnClient.Value(validated, "ParameterKey"));
        Assert.Equal("Name suffix", CfnClient.Value(validated, "Description"));
    }

    [Fact]
    public async Task Events_come_newest_first_and_list_stacks_shows_deleted_stacks()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        var id = await cfn.CreateStackAsync("events", BucketTemplate, new Dictionary<string, string> { ["Suffix"] = "events" });

        var events = await cfn.EventsAsync("events");
        var resources = await cfn.ResourcesAsync("events");
        await cfn.DeleteStackAsync("events");
        var listed = await cfn.CallAsync("ListStacks", new Dictionary<string, string> { ["StackStatusFilter.member.1"] = "DELETE_COMPLETE" });
        var gone = await Assert.ThrowsAsync<AwsWireException>(() => cfn.DescribeAsync("events"));

        Assert.Equal(("events", "CREATE_COMPLETE"), (CfnClient.Value(events[0], "LogicalResourceId"), CfnClient.Value(events[0], "ResourceStatus")));
        Assert.Equal(("events", "CREATE_IN_PROGRESS"), (CfnClient.Value(events[^1], "LogicalResourceId"), CfnClient.Value(events[^1], "ResourceStatus")));
        Assert.Equal("api-events", CfnClient.Value(Assert.Single(resources), "PhysicalResourceId"));
        Assert.Contains(CfnClient.Members(CfnClient.Element(listed, "StackSummaries")), s => CfnClient.Value(s, "StackId") == id);
        Assert.Equal("DELETE_COMPLETE", await cfn.StatusAsync(id));
        Assert.Equal("ValidationError", gone.Code);
        Assert.EndsWith("Stack with id events does not exist", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_resource_type_rolls_the_stack_back_and_deletes_what_was_created()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        using var s3 = SdkClients.S3(Server.Endpoint);
        const string template = """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties: { BucketName: rollback-bucket }
              Queue:
                Type: AWS::SQS::Queue
                DependsOn: Bucket
            """;

        await cfn.CreateStackAsync("rollback", template);
        var stack = await cfn.DescribeAsync("rollback");
        var queueFailure = (await cfn.EventsAsync("rollback")).First(e => CfnClient.Value(e, "LogicalResourceId") == "Queue" && CfnClient.Value(e, "ResourceStatus") == "CREATE_FAILED");
        var buckets = await s3.ListBucketsAsync(Ct);

        Assert.Equal("ROLLBACK_COMPLETE", CfnClient.Value(stack, "StackStatus"));
        Assert.Contains("resource type AWS::SQS::Queue is not supported by LocalCloud", CfnClient.Value(queueFailure, "ResourceStatusReason"), StringComparison.Ordinal);
        Assert.DoesNotContain(buckets.Buckets ?? [], b => b.BucketName == "rollback-bucket");
    }

    [Fact]
    public async Task A_nested_stack_exports_a_value_another_stack_imports_and_the_export_blocks_deletion()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        using var s3 = SdkClients.S3(Server.Endpoint);
        await s3.PutBucketAsync("nested-templates", Ct);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "nested-templates",
            Key = "network.yaml",
            ContentBody = """
                Parameters:
                  Cidr: { Type: String }
                Resources:
                  Vpc:
                    Type: AWS::EC2::VPC
                    Properties: { CidrBlock: !Ref Cidr }
                  Subnet:
                    Type: AWS::EC2::Subnet
                    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.9.1.0/24, AvailabilityZone: !Select [1, !GetAZs ''] }
                Outputs:
                  SubnetId: { Value: !Ref Subnet, Export: { Name: shared-subnet } }
                """,
        }, Ct);
        const string parent = """
            Resources:
              Network:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: https://nested-templates.s3.eu-west-1.amazonaws.com/network.yaml
                  Parameters: { Cidr: 10.9.0.0/16 }
            Outputs:
              Subnet: { Value: !GetAtt Network.Outputs.SubnetId }
            """;
        const string importer = """
            Resources:
              Group:
                Type: AWS::SSM::Parameter
                Properties: { Name: /nested/subnet, Type: String, Value: !ImportValue shared-subnet }
            """;

        await cfn.CreateStackAsync("parent", parent);
        await cfn.CreateStackAsync("importer", importer);
        var outputs = await cfn.OutputsAsync("parent");
        var exports = await cfn.CallAsync("ListExports");
        var childId = await cfn.PhysicalIdAsync("parent", "Network");
        var child = await cfn.DescribeAsync(childId);
        var parentId = CfnClient.Value(await cfn.DescribeAsync("parent"), "StackId");
        using var ssm = SdkClients.Ssm(Server.Endpoint);
        var imported = await ssm.GetParameterAsync(new GetParameterRequest { Name = "/nested/subnet" }, Ct);
        await cfn.DeleteStackAsync("parent");
        var blocked = await cfn.DescribeAsync("parent");
        var blockedChild = await cfn.DescribeAsync(childId);
        await cfn.DeleteStackAsync("importer");
        await cfn.DeleteStackAsync("parent");

        Assert.Equal("CREATE_COMPLETE", CfnClient.Value(child, "StackStatus"));
        Assert.StartsWith("parent-Network-", CfnClient.Value(child, "StackName"), StringComparison.Ordinal);
        Assert.Equal(parentId, CfnClient.Value(child, "ParentId"));
        Assert.Equal(outputs["Subnet"], CfnClient.Value(CfnClient.Members(CfnClient.Element(exports, "Exports")).Single(e => CfnClient.Value(e, "Name") == "shared-subnet"), "Value"));
        Assert.Equal(outputs["Subnet"], imported.Parameter.Value);
        Assert.Equal("DELETE_FAILED", CfnClient.Value(blocked, "StackStatus"));
        Assert.Contains("The following resource(s) failed to delete: [Network]", CfnClient.Value(blocked, "StackStatusReason"), StringComparison.Ordinal);
        Assert.Equal("DELETE_FAILED", CfnClient.Value(blockedChild, "StackStatus"));
        Assert.Equal("Export shared-subnet cannot be deleted as it is in use by importer", CfnClient.Value(blockedChild, "StackStatusReason"));
        Assert.Equal("DELETE_COMPLETE", await cfn.StatusAsync(CfnClient.Value(blocked, "StackId")));
        Assert.Equal("DELETE_COMPLETE", await cfn.StatusAsync(childId));
    }

    [Fact]
    public async Task An_ssm_parameter_type_is_resolved_from_the_parameter_store_and_a_missing_one_is_refused()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        using var ssm = SdkClients.Ssm(Server.Endpoint);
        await ssm.PutParameterAsync(new PutParameterRequest { Name = "/platform/bucket-suffix", Value = "from-ssm", Type = Amazon.SimpleSystemsManagement.ParameterType.String }, Ct);
        const string template = """
            Parameters:
              Suffix: { Type: 'AWS::SSM::Parameter::Value<String>', Default: /platform/bucket-suffix }
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties: { BucketName: !Sub 'ssm-${Suffix}' }
            """;

        await cfn.CreateStackAsync("ssm-typed", template);
        var bucket = await cfn.PhysicalIdAsync("ssm-typed", "Bucket");
        var missing = await Assert.ThrowsAsync<AwsWireException>(() => cfn.CreateStackAsync("ssm-missing", template, new Dictionary<string, string> { ["Suffix"] = "/nope" }));

        Assert.Equal("ssm-from-ssm", bucket);
        Assert.Equal("ValidationError", missing.Code);
        Assert.Contains("Unable to fetch parameters [/nope] from parameter store", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capabilities_are_required_for_iam_resources()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        const string template = """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: sagemaker.amazonaws.com }, Action: sts:AssumeRole }] }
            """;

        var refused = await Assert.ThrowsAsync<AwsWireException>(() => wire.QueryAsync("cloudformation", "2010-05-15", "CreateStack",
            new Dictionary<string, string> { ["StackName"] = "no-caps", ["TemplateBody"] = template }));

        Assert.Equal("InsufficientCapabilitiesException", refused.Code);
        Assert.EndsWith("Requires capabilities : [CAPABILITY_IAM]", refused.Message, StringComparison.Ordinal);
    }
}
