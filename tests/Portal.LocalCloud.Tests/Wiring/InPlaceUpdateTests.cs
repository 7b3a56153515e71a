using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>
/// Every store-backed type takes an in-place change of an updatable property (tags, descriptions, documents,
/// settings) with UPDATE_COMPLETE, keeping its physical id, and the stack still deletes cleanly afterwards.
/// </summary>
public sealed class InPlaceUpdateTests : LocalCloudTest
{
    private const string Template = """
        Parameters:
          Revision: { Type: String }
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Description: !Sub 'revision ${Revision}'
              AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: sagemaker.amazonaws.com }, Action: sts:AssumeRole }] }
              Policies: [{ PolicyName: inline, PolicyDocument: { Version: '2012-10-17', Statement: [{ Sid: !Sub 'R${Revision}', Effect: Allow, Action: s3:GetObject, Resource: '*' }] } }]
              Tags: [{ Key: revision, Value: !Ref Revision }]
          Managed:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              Roles: [!Ref Role]
              PolicyDocument: { Version: '2012-10-17', Statement: [{ Sid: !Sub 'M${Revision}', Effect: Allow, Action: s3:ListBucket, Resource: '*' }] }
          Extra:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: extra
              Roles: [!Ref Role]
              PolicyDocument: { Version: '2012-10-17', Statement: [{ Sid: !Sub 'P${Revision}', Effect: Allow, Action: s3:PutObject, Resource: '*' }] }
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration: { Status: !If [Second, Enabled, Suspended] }
              Tags: [{ Key: revision, Value: !Ref Revision }]
          BucketPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Bucket
              PolicyDocument: { Version: '2012-10-17', Statement: [{ Sid: !Sub 'B${Revision}', Effect: Deny, Principal: '*', Action: 's3:*', Resource: !Sub '${Bucket.Arn}/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }
          Key:
            Type: AWS::KMS::Key
            Properties:
              Description: !Sub 'revision ${Revision}'
              EnableKeyRotation: !If [Second, true, false]
              Tags: [{ Key: revision, Value: !Ref Revision }]
          OtherKey:
            Type: AWS::KMS::Key
          Alias:
            Type: AWS::KMS::Alias
            Properties: { AliasName: alias/in-place, TargetKeyId: !If [Second, !Ref OtherKey, !Ref Key] }
          Setting:
            Type: AWS::SSM::Parameter
            Properties: { Name: /in-place/setting, Type: String, Value: !Ref Revision, Tags: { revision: !Ref Revision } }
          Vpc:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: 10.9.0.0/16, EnableDnsSupport: true, EnableDnsHostnames: !If [Second, true, false], Tags: [{ Key: revision, Value: !Ref Revision }] }
          Subnet:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.9.1.0/24, MapPublicIpOnLaunch: !If [Second, true, false], Tags: [{ Key: revision, Value: !Ref Revision }] }
          Group:
            Type: AWS::EC2::SecurityGroup
            Properties:
              VpcId: !Ref Vpc
              GroupDescription: workloads
              SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: !If [Second, 10.9.0.0/16, 10.9.1.0/24] }]
          Ingress:
            Type: AWS::EC2::SecurityGroupIngress
            Properties: { GroupId: !Ref Group, IpProtocol: tcp, FromPort: 8443, ToPort: 8443, CidrIp: 10.9.0.0/16, Description: !Sub 'revision ${Revision}' }
          Table:
            Type: AWS::EC2::RouteTable
            Properties: { VpcId: !Ref Vpc, Tags: [{ Key: revision, Value: !Ref Revision }] }
          Endpoint:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              VpcId: !Ref Vpc
              ServiceName: !Sub 'com.amazonaws.${AWS::Region}.s3'
              RouteTableIds: [!Ref Table]
              PolicyDocument: { Version: '2012-10-17', Statement: [{ Sid: !Sub 'E${Revision}', Effect: Allow, Principal: '*', Action: 's3:*', Resource: '*' }] }
          Lifecycle:
            Type: AWS::SageMaker::NotebookInstanceLifecycleConfig
            Properties: { OnStart: [{ Content: { 'Fn::Base64': !Sub 'echo ${Revision}' } }] }
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: ml.t3.medium
              RoleArn: !GetAtt Role.Arn
              VolumeSizeInGB: !If [Second, 10, 5]
              LifecycleConfigName: !GetAtt Lifecycle.NotebookInstanceLifecycleConfigName
              Tags: [{ Key: revision, Value: !Ref Revision }]
          Portfolio:
            Type: AWS::ServiceCatalog::Portfolio
            Properties: { DisplayName: In place, ProviderName: Platform, Description: !Sub 'revision ${Revision}' }
          Option:
            Type: AWS::ServiceCatalog::TagOption
            Properties: { Key: team, Value: in-place, Active: !If [Second, false, true] }
          Logs:
            Type: AWS::Logs::LogGroup
            Properties: { RetentionInDays: !If [Second, 30, 7] }
        Conditions:
          Second: !Equals [!Ref Revision, '2']
        """;

    [Fact]
    public async Task Every_store_backed_type_updates_in_place_and_the_stack_still_deletes()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        var stackId = await cfn.CreateStackAsync("in-place", Template, new Dictionary<string, string> { ["Revision"] = "1" });
        Assert.True(await cfn.StatusAsync(stackId) == "CREATE_COMPLETE", await cfn.FailuresAsync(stackId));
        var before = (await cfn.ResourcesAsync(stackId)).ToDictionary(r => CfnClient.Value(r, "LogicalResourceId"), r => CfnClient.Value(r, "PhysicalResourceId"));

        await cfn.UpdateStackAsync("in-place", Template, new Dictionary<string, string> { ["Revision"] = "2" });
        var updated = await cfn.StatusAsync(stackId);
        var failures = await cfn.FailuresAsync(stackId);
        var after = (await cfn.ResourcesAsync(stackId)).ToDictionary(r => CfnClient.Value(r, "LogicalResourceId"), r => CfnClient.Value(r, "PhysicalResourceId"));
        var role = await wire.QueryAsync("iam", "2010-05-08", "GetRole", new Dictionary<string, string> { ["RoleName"] = after["Role"] });
        var inline = await wire.QueryAsync("iam", "2010-05-08", "GetRolePolicy", new Dictionary<string, string> { ["RoleName"] = after["Role"], ["PolicyName"] = "inline" });
        var extra = await wire.QueryAsync("iam", "2010-05-08", "GetRolePolicy", new Dictionary<string, string> { ["RoleName"] = after["Role"], ["PolicyName"] = "extra" });
        using var s3 = SdkClients.S3(Server.Endpoint);
        var versioning = await s3.GetBucketVersioningAsync(after["Bucket"], Ct);
        var bucketPolicy = await s3.GetBucketPolicyAsync(after["Bucket"], Ct);
        using var kms = SdkClients.Kms(Server.Endpoint);
        var key = (await kms.DescribeKeyAsync(after["Key"], Ct)).KeyMetadata;
        var rotation = await kms.GetKeyRotationStatusAsync(new Amazon.KeyManagementService.Model.GetKeyRotationStatusRequest { KeyId = after["Key"] }, Ct);
        var alias = (await kms.ListAliasesAsync(new Amazon.KeyManagementService.Model.ListAliasesRequest(), Ct)).Aliases.Single(a => a.AliasName == "alias/in-place");
        using var ssm = SdkClients.Ssm(Server.Endpoint);
        var setting = (await ssm.GetParameterAsync(new Amazon.SimpleSystemsManagement.Model.GetParameterRequest { Name = "/in-place/setting" }, Ct)).Parameter;
        using var ec2 = SdkClients.Ec2(Server.Endpoint);
        var vpc = (await ec2.DescribeVpcsAsync(new Amazon.EC2.Model.DescribeVpcsRequest { VpcIds = [after["Vpc"]] }, Ct)).Vpcs.Single();
        var subnet = (await ec2.DescribeSubnetsAsync(new Amazon.EC2.Model.DescribeSubnetsRequest { SubnetIds = [after["Subnet"]] }, Ct)).Subnets.Single();
        var group = (await ec2.DescribeSecurityGroupsAsync(new Amazon.EC2.Model.DescribeSecurityGroupsRequest { GroupIds = [after["Group"]] }, Ct)).SecurityGroups.Single();
        var endpoint = (await ec2.DescribeVpcEndpointsAsync(new Amazon.EC2.Model.DescribeVpcEndpointsRequest { VpcEndpointIds = [after["Endpoint"]] }, Ct)).VpcEndpoints.Single();
        var notebook = await wire.SageMakerAsync("DescribeNotebookInstance", new System.Text.Json.Nodes.JsonObject { ["NotebookInstanceName"] = after["Notebook"].Split('/')[^1] });
        var portfolio = await wire.ServiceCatalogAsync("DescribePortfolio", new System.Text.Json.Nodes.JsonObject { ["Id"] = after["Portfolio"] });
        var option = await wire.ServiceCatalogAsync("DescribeTagOption", new System.Text.Json.Nodes.JsonObject { ["Id"] = after["Option"] });
        await cfn.DeleteStackAsync(stackId);
        var deleted = await cfn.StatusAsync(stackId);

        Assert.True(updated == "UPDATE_COMPLETE", updated + "\n" + failures);
        Assert.Equal(before, after);
        Assert.Equal("revision 2", CfnClient.Value(role, "Description"));
        Assert.Contains("R2", Uri.UnescapeDataString(CfnClient.Value(inline, "PolicyDocument")), StringComparison.Ordinal);
        Assert.Contains("P2", Uri.UnescapeDataString(CfnClient.Value(extra, "PolicyDocument")), StringComparison.Ordinal);
        Assert.Equal("Enabled", versioning.VersioningConfig.Status.Value);
        Assert.Contains("B2", bucketPolicy.Policy, StringComparison.Ordinal);
        Assert.Equal("revision 2", key.Description);
        Assert.True(rotation.KeyRotationEnabled);
        Assert.Equal(after["OtherKey"], alias.TargetKeyId);
        Assert.Equal("2", setting.Value);
        Assert.Contains(vpc.Tags, t => t.Key == "revision" && t.Value == "2");
        Assert.True(subnet.MapPublicIpOnLaunch);
        Assert.Contains(subnet.Tags, t => t.Key == "revision" && t.Value == "2");
        Assert.Contains(group.IpPermissions, p => p.FromPort == 443 && p.Ipv4Ranges.Any(r => r.CidrIp == "10.9.0.0/16"));
        Assert.DoesNotContain(group.IpPermissions, p => p.FromPort == 443 && p.Ipv4Ranges.Any(r => r.CidrIp == "10.9.1.0/24"));
        Assert.Contains(group.IpPermissions, p => p.FromPort == 8443);
        Assert.Contains("E2", endpoint.PolicyDocument, StringComparison.Ordinal);
        Assert.Equal(10, notebook["VolumeSizeInGB"]!.GetValue<int>());
        Assert.Equal("revision 2", portfolio["PortfolioDetail"]!["Description"]!.GetValue<string>());
        Assert.False(option["TagOptionDetail"]!["Active"]!.GetValue<bool>());
        Assert.True(deleted == "DELETE_COMPLETE", deleted + "\n" + await cfn.FailuresAsync(stackId));
    }
}
