using Amazon.EC2.Model;
using Amazon.KeyManagementService.Model;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Parameters;
using Portal.Core.Stacks;
using static Portal.Aws.Tests.Behaviour.CatalogTemplates;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>IParameterStore, INetworkGateway, IEncryptionKeyGateway (SDK clients) and IStackGateway against LocalCloud.</summary>
[Collection(nameof(LocalCloudCollection))]
public sealed class PlatformServicesBehaviourTests(LocalCloudBehaviourFixture cloud)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parameters_are_read_by_name_and_missing_names_are_reported_not_failed()
    {
        var prefix = "/" + LocalCloudBehaviourFixture.Unique("project");
        using (var ssm = cloud.Ssm())
        {
            await ssm.PutParameterAsync(new PutParameterRequest { Name = prefix + "/ds-vpc-id", Value = "vpc-0a1b2c3d", Type = ParameterType.String }, Ct);
            await ssm.PutParameterAsync(new PutParameterRequest { Name = prefix + "/ds-kms-key", Value = "alias/genomics", Type = ParameterType.SecureString }, Ct);
            for (var i = 0; i < 11; i++)
            {
                await ssm.PutParameterAsync(new PutParameterRequest { Name = $"{prefix}/subnet-{i}", Value = $"subnet-{i:D8}", Type = ParameterType.String }, Ct);
            }
        }

        var names = new[] { prefix + "/ds-vpc-id", prefix + "/ds-kms-key", prefix + "/absent" }.Concat(Enumerable.Range(0, 11).Select(i => $"{prefix}/subnet-{i}")).ToList();
        var lookup = Ok(await cloud.Get<IParameterStore>().GetParametersAsync(ActingIdentity.Portal, names, Ct));

        Assert.Equal(13, lookup.Values.Count);
        Assert.Equal("vpc-0a1b2c3d", lookup.Values[prefix + "/ds-vpc-id"]);
        Assert.Equal("alias/genomics", lookup.Values[prefix + "/ds-kms-key"]);
        Assert.Equal("subnet-00000010", lookup.Values[prefix + "/subnet-10"]);
        Assert.Equal([prefix + "/absent"], lookup.MissingNames);
    }

    [Fact]
    public async Task Network_settings_are_described_by_id_and_an_unknown_subnet_is_not_found()
    {
        using var ec2 = cloud.Ec2();
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.42.0.0/16" }, Ct)).Vpc;
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.VpcId, CidrBlock = "10.42.1.0/24", AvailabilityZone = LocalCloudBehaviourFixture.Region + "b" }, Ct)).Subnet;
        var group = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = LocalCloudBehaviourFixture.Unique("notebooks"), Description = "Notebook ENIs", VpcId = vpc.VpcId }, Ct);
        var network = cloud.Get<INetworkGateway>();

        var zones = Ok(await network.ListAvailabilityZonesAsync(ActingIdentity.Portal, Ct));
        var subnets = Ok(await network.DescribeSubnetsAsync(ActingIdentity.Portal, [subnet.SubnetId], Ct));
        var groups = Ok(await network.DescribeSecurityGroupsAsync(ActingIdentity.Portal, [group.GroupId], Ct));
        var unknown = await network.DescribeSubnetsAsync(ActingIdentity.Portal, ["subnet-0000000000000dead"], Ct);

        Assert.Contains(LocalCloudBehaviourFixture.Region + "a", zones);
        Assert.Contains(LocalCloudBehaviourFixture.Region + "b", zones);
        Assert.Equal(new SubnetInfo(subnet.SubnetId, vpc.VpcId, LocalCloudBehaviourFixture.Region + "b", "10.42.1.0/24", false), Assert.Single(subnets));
        var described = Assert.Single(groups);
        Assert.Equal((group.GroupId, vpc.VpcId, "Notebook ENIs"), (described.GroupId, described.VpcId, described.Description));
        Assert.Equal("InvalidSubnetID.NotFound", unknown.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, unknown.Error?.Kind);
    }

    [Fact]
    public async Task An_encryption_key_is_described_by_id_and_by_alias_and_a_missing_one_is_not_found()
    {
        using var kms = cloud.Kms();
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest { Description = "Project genomics data key" }, Ct)).KeyMetadata;
        var alias = "alias/" + LocalCloudBehaviourFixture.Unique("genomics");
        await kms.CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = key.KeyId }, Ct);
        var keys = cloud.Get<IEncryptionKeyGateway>();

        var byId = Ok(await keys.DescribeKeyAsync(ActingIdentity.Portal, key.KeyId, Ct));
        var byAlias = Ok(await keys.DescribeKeyAsync(ActingIdentity.Portal, alias, Ct));
        var missing = await keys.DescribeKeyAsync(ActingIdentity.Portal, Guid.NewGuid().ToString(), Ct);

        Assert.Equal((key.KeyId, key.Arn, "Enabled", "Project genomics data key", "CUSTOMER"), (byId.KeyId, byId.Arn, byId.State, byId.Description, byId.KeyManager));
        Assert.StartsWith($"arn:aws:kms:{LocalCloudBehaviourFixture.Region}:{LocalCloudBehaviourFixture.Account}:key/", byId.Arn, StringComparison.Ordinal);
        Assert.NotNull(byId.CreatedAt);
        Assert.Equal(byId, byAlias);
        Assert.Equal((ErrorKind.NotFound, "NotFoundException"), (missing.Error?.Kind, missing.Error?.Code));
    }

    [Fact]
    public async Task Stack_calls_validate_and_describe_or_fail_clearly_while_localcloud_does_not_serve_cloudformation()
    {
        var stacks = cloud.Get<IStackGateway>();
        var missing = LocalCloudBehaviourFixture.Unique("no-such-stack");

        var validated = await stacks.ValidateTemplateAsync(ActingIdentity.Portal, StackTemplate.FromBody(Notebook), Ct);
        var described = await stacks.DescribeStackAsync(ActingIdentity.Portal, missing, Ct);

        if (validated.IsSuccess)
        {
            // LocalCloud with CloudFormation wired: the template's parameters come back and a missing stack is not found.
            Assert.Equal(["InstanceType", "ProjectName"], validated.Value.Parameters.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.Equal(ErrorKind.NotFound, described.Error?.Kind);
            return;
        }

        // LocalCloud answers the Query protocol's unknown-action error for a service it does not emulate (yet).
        var created = await stacks.CreateStackAsync(ActingIdentity.Portal, new NewStack(missing, StackTemplate.FromBody(Notebook), [], ["CAPABILITY_NAMED_IAM"]), Ct);
        var exports = await Assert.ThrowsAsync<GatewayException>(async () => await stacks.ListExportsAsync(ActingIdentity.Portal, Ct).ToListAsync(Ct));
        foreach (var error in new[] { validated.Error, described.Error, created.Error, exports.Error })
        {
            Assert.NotNull(error);
            Assert.Equal(("InvalidAction", ErrorKind.Validation), (error.Code, error.Kind));
            Assert.Contains("cloudformation", error.Message, StringComparison.Ordinal);
            Assert.Contains("AWS request id", error.Message, StringComparison.Ordinal);
        }
    }
}
