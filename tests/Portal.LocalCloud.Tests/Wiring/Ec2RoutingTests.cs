using Amazon.EC2.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>Route tables, routes, internet and NAT gateways and Elastic IPs made by stacks, as the EC2 Describe calls see them.</summary>
public sealed class Ec2RoutingTests : LocalCloudTest
{
    private const string PublicNetwork = """
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: 10.0.0.0/16 }
          PublicSubnet:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24 }
          PrivateSubnet:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 }
          Gateway:
            Type: AWS::EC2::InternetGateway
          Attachment:
            Type: AWS::EC2::VPCGatewayAttachment
            Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Gateway }
          PublicRoutes:
            Type: AWS::EC2::RouteTable
            Properties: { VpcId: !Ref Vpc, Tags: [{ Key: Name, Value: public }] }
          DefaultRoute:
            Type: AWS::EC2::Route
            DependsOn: Attachment
            Properties: { RouteTableId: !Ref PublicRoutes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gateway }
          PublicAssociation:
            Type: AWS::EC2::SubnetRouteTableAssociation
            Properties: { RouteTableId: !Ref PublicRoutes, SubnetId: !Ref PublicSubnet }
          NatAddress:
            Type: AWS::EC2::EIP
            Properties: { Domain: vpc }
          Nat:
            Type: AWS::EC2::NatGateway
            DependsOn: Attachment
            Properties: { SubnetId: !Ref PublicSubnet, AllocationId: !GetAtt NatAddress.AllocationId }
          PrivateRoutes:
            Type: AWS::EC2::RouteTable
            Properties: { VpcId: !Ref Vpc }
          NatRoute:
            Type: AWS::EC2::Route
            Properties: { RouteTableId: !Ref PrivateRoutes, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat }
          PrivateAssociation:
            Type: AWS::EC2::SubnetRouteTableAssociation
            Properties: { RouteTableId: !Ref PrivateRoutes, SubnetId: !Ref PrivateSubnet }
        Outputs:
          VpcId: { Value: !Ref Vpc }
          PublicIp: { Value: !Ref NatAddress }
          AllocationId: { Value: !GetAtt NatAddress.AllocationId }
          RouteId: { Value: !Ref DefaultRoute }
        """;

    [Fact]
    public async Task A_public_network_stack_creates_gateways_routes_and_addresses_that_describe_calls_return_and_deleting_it_removes_them()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        using var ec2 = SdkClients.Ec2(Server.Endpoint);
        await cfn.CreateStackAsync("network", PublicNetwork);
        var status = await cfn.StatusAsync("network");
        Assert.True(status == "CREATE_COMPLETE", status + "\n" + await cfn.FailuresAsync("network"));
        var outputs = await cfn.OutputsAsync("network");
        var vpcId = outputs["VpcId"];
        var publicSubnet = await cfn.PhysicalIdAsync("network", "PublicSubnet");
        var privateSubnet = await cfn.PhysicalIdAsync("network", "PrivateSubnet");
        var gatewayId = await cfn.PhysicalIdAsync("network", "Gateway");
        var natId = await cfn.PhysicalIdAsync("network", "Nat");
        var publicTableId = await cfn.PhysicalIdAsync("network", "PublicRoutes");

        var tables = await RouteTablesAsync(ec2, "vpc-id", vpcId);
        var publicTable = (await RouteTablesAsync(ec2, "association.subnet-id", publicSubnet)).Single();
        var privateTable = (await RouteTablesAsync(ec2, "association.subnet-id", privateSubnet)).Single();
        var gateways = (await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { Filters = [new Filter("attachment.vpc-id", [vpcId])] }, Ct)).InternetGateways;
        var nat = (await ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { Filter = [new Filter("vpc-id", [vpcId])] }, Ct)).NatGateways.Single();
        var address = (await ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [outputs["AllocationId"]] }, Ct)).Addresses.Single();

        Assert.Matches("^rtb-[0-9a-f]{17}$", publicTableId);
        Assert.Matches("^igw-[0-9a-f]{17}$", gatewayId);
        Assert.Matches("^nat-[0-9a-f]{17}$", natId);
        Assert.Matches("^eipalloc-[0-9a-f]{17}$", outputs["AllocationId"]);
        Assert.Equal($"{publicTableId}|0.0.0.0/0", outputs["RouteId"]);
        Assert.Equal(3, tables.Count);
        Assert.Equal([("10.0.0.0/16", "local")], Routes(tables.Single(t => t.Associations.Any(a => a.Main == true))));
        Assert.Equal(publicTableId, publicTable.RouteTableId);
        Assert.Equal("public", publicTable.Tags.Single(t => t.Key == "Name").Value);
        Assert.Equal([("0.0.0.0/0", gatewayId), ("10.0.0.0/16", "local")], Routes(publicTable));
        Assert.Equal([("0.0.0.0/0", natId), ("10.0.0.0/16", "local")], Routes(privateTable));
        Assert.Equal(gatewayId, gateways.Single().InternetGatewayId);
        Assert.Equal((natId, publicSubnet, "available"), (nat.NatGatewayId, nat.SubnetId, nat.State.Value));
        Assert.Equal((outputs["AllocationId"], outputs["PublicIp"]), (nat.NatGatewayAddresses.Single().AllocationId, nat.NatGatewayAddresses.Single().PublicIp));
        Assert.Equal((outputs["PublicIp"], nat.NatGatewayAddresses.Single().NetworkInterfaceId), (address.PublicIp, address.NetworkInterfaceId));

        await cfn.DeleteStackAsync("network");
        var gone = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() => ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [publicTableId] }, Ct));
        var remainingGateways = (await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { Filters = [new Filter("internet-gateway-id", [gatewayId])] }, Ct)).InternetGateways ?? [];
        var remainingNats = (await ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { Filter = [new Filter("vpc-id", [vpcId])] }, Ct)).NatGateways ?? [];
        var remainingAddresses = (await ec2.DescribeAddressesAsync(new DescribeAddressesRequest(), Ct)).Addresses ?? [];
        var remainingTables = await RouteTablesAsync(ec2, "vpc-id", vpcId);

        Assert.Equal("InvalidRouteTableID.NotFound", gone.ErrorCode);
        Assert.Empty(remainingGateways);
        Assert.Empty(remainingNats);
        Assert.DoesNotContain(remainingAddresses, a => a.AllocationId == outputs["AllocationId"]);
        Assert.Empty(remainingTables);
    }

    [Fact]
    public async Task Deleting_a_vpc_with_an_attached_internet_gateway_fails_with_a_dependency_violation()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        await cfn.CreateStackAsync("vpc-only", "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: { CidrBlock: 10.9.0.0/16 }\nOutputs:\n  VpcId: { Value: !Ref Vpc }\n");
        var vpcId = (await cfn.OutputsAsync("vpc-only"))["VpcId"];
        await cfn.CreateStackAsync(
            "gateway",
            "Parameters:\n  VpcId: { Type: String }\nResources:\n  Gateway:\n    Type: AWS::EC2::InternetGateway\n  Attachment:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties: { VpcId: !Ref VpcId, InternetGatewayId: !Ref Gateway }\n",
            new Dictionary<string, string> { ["VpcId"] = vpcId });
        var attached = await cfn.StatusAsync("gateway");

        await cfn.DeleteStackAsync("vpc-only");
        var status = await cfn.StatusAsync("vpc-only");
        using var ec2 = SdkClients.Ec2(Server.Endpoint);
        var vpcs = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpcId] }, Ct)).Vpcs;

        Assert.Equal("CREATE_COMPLETE", attached);
        Assert.Equal("DELETE_FAILED", status);
        Assert.Contains($"The vpc '{vpcId}' has dependencies and cannot be deleted.", await cfn.FailuresAsync("vpc-only"), StringComparison.Ordinal);
        Assert.Single(vpcs);
    }

    [Fact]
    public async Task A_route_to_an_internet_gateway_that_is_not_attached_to_the_vpc_fails_and_the_stack_rolls_back()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        var unattached = PublicNetwork
            .Replace("  Attachment:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Gateway }\n", string.Empty, StringComparison.Ordinal)
            .Replace("    DependsOn: Attachment\n", string.Empty, StringComparison.Ordinal);
        var onlyRoute = unattached[..unattached.IndexOf("  NatAddress:", StringComparison.Ordinal)];

        await cfn.CreateStackAsync("unattached", onlyRoute);
        var status = await cfn.StatusAsync("unattached");
        var failures = await cfn.FailuresAsync("unattached");
        using var ec2 = SdkClients.Ec2(Server.Endpoint);
        var gateways = (await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest(), Ct)).InternetGateways ?? [];

        Assert.DoesNotContain("VPCGatewayAttachment", onlyRoute, StringComparison.Ordinal);
        Assert.Equal("ROLLBACK_COMPLETE", status);
        Assert.Contains("belong to different networks", failures, StringComparison.Ordinal);
        Assert.All(gateways, g => Assert.NotEmpty(g.Attachments));
    }

    [Fact]
    public async Task The_project_environment_vpc_has_no_internet_gateway_and_no_default_route()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        await cfn.CreateStackAsync(WorkshopStacks.Foundation, Templates.Read("platform/foundation.yaml"));
        await cfn.CreateStackAsync(WorkshopStacks.Environment, Templates.Read("environment/project-environment.yaml"), WorkshopStacks.EnvironmentParameters);
        var status = await cfn.StatusAsync(WorkshopStacks.Environment);
        var vpcId = (await cfn.OutputsAsync(WorkshopStacks.Environment))["VpcId"];
        using var ec2 = SdkClients.Ec2(Server.Endpoint);

        var tables = await RouteTablesAsync(ec2, "vpc-id", vpcId);
        var subnets = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [vpcId])] }, Ct)).Subnets;
        var gateways = (await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { Filters = [new Filter("attachment.vpc-id", [vpcId])] }, Ct)).InternetGateways ?? [];
        var nats = (await ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { Filter = [new Filter("vpc-id", [vpcId])] }, Ct)).NatGateways ?? [];

        Assert.True(status == "CREATE_COMPLETE", status + "\n" + await cfn.FailuresAsync(WorkshopStacks.Environment));
        Assert.Equal(2, tables.Count);
        Assert.All(tables, t => Assert.DoesNotContain(t.Routes, r => r.DestinationCidrBlock == "0.0.0.0/0"));
        Assert.All(tables, t => Assert.Contains(t.Routes, r => r.GatewayId == "local"));
        Assert.Equal(subnets.Select(s => s.SubnetId).Order(), tables.SelectMany(t => t.Associations ?? []).Select(a => a.SubnetId).OfType<string>().Order());
        Assert.Empty(gateways);
        Assert.Empty(nats);
    }

    [Fact]
    public async Task Routing_state_survives_a_restart_and_the_stack_still_deletes_it()
    {
        using var data = new DataDirectory("lc-ec2-");
        var settings = data.Settings;
        Dictionary<string, string> outputs;
        string stackId;
        await using (var first = await LocalCloudServer.StartAsync(settings))
        {
            using var wire = new AwsWireClient(first.Endpoint);
            stackId = await new CfnClient(wire).CreateStackAsync("network", PublicNetwork);
            outputs = await new CfnClient(wire).OutputsAsync("network");
        }

        await using var second = await LocalCloudServer.StartAsync(settings);
        using var again = new AwsWireClient(second.Endpoint);
        using var ec2 = SdkClients.Ec2(second.Endpoint);
        var tables = await RouteTablesAsync(ec2, "vpc-id", outputs["VpcId"]);
        var address = (await ec2.DescribeAddressesAsync(new DescribeAddressesRequest { PublicIps = [outputs["PublicIp"]] }, Ct)).Addresses.Single();
        await new CfnClient(again).DeleteStackAsync("network");
        var status = await new CfnClient(again).StatusAsync(stackId);

        Assert.Equal(3, tables.Count);
        Assert.Equal(outputs["AllocationId"], address.AllocationId);
        Assert.Equal("DELETE_COMPLETE", status);
        Assert.Empty(await RouteTablesAsync(ec2, "vpc-id", outputs["VpcId"]));
    }

    private static async Task<List<RouteTable>> RouteTablesAsync(Amazon.EC2.AmazonEC2Client ec2, string filter, string value) =>
        (await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter(filter, [value])] }, Ct)).RouteTables ?? [];

    private static List<(string Destination, string Target)> Routes(RouteTable table) =>
        table.Routes.Select(r => (r.DestinationCidrBlock, r.GatewayId ?? r.NatGatewayId)).Order().ToList();
}
