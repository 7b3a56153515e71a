using Amazon.EC2;
using Amazon.EC2.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Sdk;

public sealed class Ec2SdkTests(LocalCloudFixture cloud)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_region_has_three_zones_and_a_default_vpc_with_one_default_subnet_per_zone()
    {
        using var ec2 = SdkClients.Ec2(cloud.Endpoint);

        var zones = await ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest(), Ct);
        var vpcs = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("is-default", ["true"])] }, Ct);
        var subnets = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [vpcs.Vpcs[0].VpcId])] }, Ct);
        var groups = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpcs.Vpcs[0].VpcId])] }, Ct);

        Assert.Equal(["eu-west-1a", "eu-west-1b", "eu-west-1c"], zones.AvailabilityZones.Select(z => z.ZoneName));
        Assert.True(Assert.Single(vpcs.Vpcs).IsDefault);
        Assert.Equal(3, subnets.Subnets.Count);
        Assert.Equal("default", Assert.Single(groups.SecurityGroups).GroupName);
    }

    [Fact]
    public async Task Created_networking_is_found_by_tag_filters_and_endpoints_by_service_name()
    {
        using var ec2 = SdkClients.Ec2(cloud.Endpoint);
        var project = "p-" + Guid.NewGuid().ToString("N")[..8];
        var vpc = await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Vpc, Tags = [new Tag("project", project)] }] }, Ct);
        var subnet = await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.Vpc.VpcId, CidrBlock = "10.0.1.0/24", AvailabilityZone = "eu-west-1b" }, Ct);
        var group = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc.Vpc.VpcId, GroupName = "notebooks", Description = "notebook sg" }, Ct);
        await ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest { VpcId = vpc.Vpc.VpcId, ServiceName = "com.amazonaws.eu-west-1.sagemaker.api", VpcEndpointType = VpcEndpointType.Interface, SubnetIds = [subnet.Subnet.SubnetId], SecurityGroupIds = [group.GroupId] }, Ct);

        var byTag = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("tag:project", [project])] }, Ct);
        var endpoints = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = [new Filter("vpc-id", [vpc.Vpc.VpcId]), new Filter("service-name", ["*sagemaker*"])] }, Ct);

        Assert.Equal(vpc.Vpc.VpcId, Assert.Single(byTag.Vpcs).VpcId);
        var endpoint = Assert.Single(endpoints.VpcEndpoints);
        Assert.Equal([subnet.Subnet.SubnetId], endpoint.SubnetIds);
        Assert.Equal(group.GroupId, Assert.Single(endpoint.Groups).GroupId);
    }

    [Fact]
    public async Task An_unknown_vpc_id_is_InvalidVpcID_NotFound()
    {
        using var ec2 = SdkClients.Ec2(cloud.Endpoint);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-0000000000000dead"] }, Ct));

        Assert.Equal("InvalidVpcID.NotFound", error.ErrorCode);
    }
}
