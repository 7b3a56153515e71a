using System.Globalization;
using System.Net;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ec2;

/// <summary>Route tables, internet and NAT gateways, Elastic IPs and endpoint services, with AWS's dependency rules.</summary>
public sealed partial class Ec2Store
{
    public List<Ec2RouteTable> RouteTables { get; set; } = [];

    public List<Ec2InternetGateway> InternetGateways { get; set; } = [];

    public List<Ec2NatGateway> NatGateways { get; set; } = [];

    public List<Ec2Address> Addresses { get; set; } = [];

    public List<Ec2VpcEndpointService> VpcEndpointServices { get; set; } = [];

    public Ec2RouteTable CreateRouteTable(string vpcId, IReadOnlyList<Tag> tags) => AddRouteTable(Vpc(vpcId), main: false, tags);

    /// <summary>The VPC's main route table: the one subnets without an explicit association use.</summary>
    public Ec2RouteTable MainRouteTable(string vpcId) =>
        RouteTables.FirstOrDefault(t => t.VpcId == vpcId && t.Associations.Any(a => a.Main))
            ?? throw new ServiceException("InvalidRouteTableID.NotFound", $"The VPC '{vpcId}' has no main route table");

    public Ec2RouteTable RouteTable(string routeTableId) =>
        RouteTables.FirstOrDefault(t => t.RouteTableId == routeTableId)
            ?? throw new ServiceException("InvalidRouteTableID.NotFound", $"The routeTable ID '{routeTableId}' does not exist");

    public void DeleteRouteTable(string routeTableId)
    {
        var table = RouteTable(routeTableId);
        if (table.Associations.Count > 0)
        {
            throw new ServiceException("DependencyViolation", $"The routeTable '{routeTableId}' has dependencies and cannot be deleted.");
        }

        RouteTables.Remove(table);
    }

    /// <summary>Adds a route to an internet gateway attached to the table's VPC, a VPC endpoint in it, or a NAT gateway in it.</summary>
    public Ec2Route CreateRoute(string routeTableId, string destination, string? gatewayId, string? natGatewayId)
    {
        var table = RouteTable(routeTableId);
        ValidateCidr(destination, 0, 32);
        if (table.Routes.Any(r => r.DestinationCidrBlock == destination))
        {
            throw new ServiceException("RouteAlreadyExists", $"The route identified by {destination} already exists.");
        }

        var route = new Ec2Route { DestinationCidrBlock = destination };
        SetTarget(table, route, gatewayId, natGatewayId);
        table.Routes.Add(route);
        return route;
    }

    public void ReplaceRoute(string routeTableId, string destination, string? gatewayId, string? natGatewayId)
    {
        var table = RouteTable(routeTableId);
        SetTarget(table, Route(table, destination), gatewayId, natGatewayId);
    }

    public void DeleteRoute(string routeTableId, string destination)
    {
        var table = RouteTable(routeTableId);
        var route = Route(table, destination);
        if (route.GatewayId == "local")
        {
            throw new ServiceException("InvalidParameterValue", $"cannot remove local route {destination} in route table {routeTableId}");
        }

        table.Routes.Remove(route);
    }

    public Ec2RouteTableAssociation AssociateRouteTable(string routeTableId, string subnetId)
    {
        var table = RouteTable(routeTableId);
        var subnet = Subnets.FirstOrDefault(s => s.SubnetId == subnetId) ?? throw new ServiceException("InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist");
        if (subnet.VpcId != table.VpcId)
        {
            throw new ServiceException("InvalidParameterValue", $"route table {routeTableId} and subnet {subnetId} belong to different networks");
        }

        if (RouteTables.SelectMany(t => t.Associations).Any(a => a.SubnetId == subnetId))
        {
            throw new ServiceException("Resource.AlreadyAssociated", $"the specified association for route table {routeTableId} conflicts with an existing association");
        }

        var association = new Ec2RouteTableAssociation { AssociationId = IdGenerator.HexId("rtbassoc-", 17), SubnetId = subnetId };
        table.Associations.Add(association);
        return association;
    }

    public void DisassociateRouteTable(string associationId)
    {
        var table = RouteTables.FirstOrDefault(t => t.Associations.Any(a => a.AssociationId == associationId && !a.Main))
            ?? throw new ServiceException("InvalidAssociationID.NotFound", $"The association ID '{associationId}' does not exist");
        table.Associations.RemoveAll(a => a.AssociationId == associationId);
    }

    public Ec2InternetGateway CreateInternetGateway(IReadOnlyList<Tag> tags)
    {
        var gateway = new Ec2InternetGateway { InternetGatewayId = IdGenerator.HexId("igw-", 17), Tags = [.. tags] };
        InternetGateways.Add(gateway);
        return gateway;
    }

    public Ec2InternetGateway InternetGateway(string gatewayId) =>
        InternetGateways.FirstOrDefault(g => g.InternetGatewayId == gatewayId)
            ?? throw new ServiceException("InvalidInternetGatewayID.NotFound", $"The internetGateway ID '{gatewayId}' does not exist");

    public void AttachInternetGateway(string gatewayId, string vpcId)
    {
        var gateway = InternetGateway(gatewayId);
        Vpc(vpcId);
        if (gateway.AttachedVpcId is not null)
        {
            throw new ServiceException("Resource.AlreadyAssociated", $"resource {gatewayId} is already attached to network {gateway.AttachedVpcId}");
        }

        if (InternetGateways.Any(g => g.AttachedVpcId == vpcId))
        {
            throw new ServiceException("Resource.AlreadyAssociated", $"Network {vpcId} already has an internet gateway attached");
        }

        gateway.AttachedVpcId = vpcId;
    }

    public void DetachInternetGateway(string gatewayId, string vpcId)
    {
        var gateway = InternetGateway(gatewayId);
        if (gateway.AttachedVpcId != vpcId)
        {
            throw new ServiceException("Gateway.NotAttached", $"resource {gatewayId} is not attached to network {vpcId}");
        }

        if (NatGateways.Any(n => n.VpcId == vpcId && n.AllocationId is not null))
        {
            throw new ServiceException("DependencyViolation", $"Network {vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");
        }

        gateway.AttachedVpcId = null;
    }

    public void DeleteInternetGateway(string gatewayId)
    {
        if (InternetGateway(gatewayId).AttachedVpcId is not null)
        {
            throw new ServiceException("DependencyViolation", $"The internetGateway '{gatewayId}' has dependencies and cannot be deleted.");
        }

        InternetGateways.RemoveAll(g => g.InternetGatewayId == gatewayId);
    }

    /// <summary>Allocates an Elastic IP from the documentation range 203.0.113.0/24.</summary>
    public Ec2Address AllocateAddress(IReadOnlyList<Tag> tags)
    {
        var free = Enumerable.Range(1, 254).Select(i => "203.0.113." + i.ToString(CultureInfo.InvariantCulture)).Except(Addresses.Select(a => a.PublicIp)).ToList();
        if (free.Count == 0)
        {
            throw new ServiceException("AddressLimitExceeded", "The maximum number of addresses has been reached.");
        }

        var address = new Ec2Address { AllocationId = IdGenerator.HexId("eipalloc-", 17), PublicIp = free[Random.Shared.Next(free.Count)], Tags = [.. tags] };
        Addresses.Add(address);
        return address;
    }

    public void ReleaseAddress(string allocationId)
    {
        var address = Addresses.FirstOrDefault(a => a.AllocationId == allocationId)
            ?? throw new ServiceException("InvalidAllocationID.NotFound", $"The allocation ID '{allocationId}' does not exist");
        if (NatGateways.Any(n => n.AllocationId == allocationId))
        {
            throw new ServiceException("InvalidIPAddress.InUse", $"Address {address.PublicIp} is in use.");
        }

        Addresses.Remove(address);
    }

    /// <summary>Creates a NAT gateway in a subnet; a public one needs a free Elastic IP and an internet gateway on the VPC.</summary>
    public Ec2NatGateway CreateNatGateway(string subnetId, string connectivityType, string? allocationId, IReadOnlyList<Tag> tags, DateTimeOffset now)
    {
        var subnet = Subnets.FirstOrDefault(s => s.SubnetId == subnetId) ?? throw new ServiceException("InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist");
        if (connectivityType is not ("public" or "private"))
        {
            throw new ServiceException("InvalidParameterValue", $"Value ({connectivityType}) for parameter connectivityType is invalid.");
        }

        if (connectivityType == "public")
        {
            if (allocationId is null)
            {
                throw new ServiceException("MissingParameter", "The request must contain the parameter allocationId");
            }

            _ = Addresses.FirstOrDefault(a => a.AllocationId == allocationId) ?? throw new ServiceException("InvalidAllocationID.NotFound", $"The allocation ID '{allocationId}' does not exist");
            if (NatGateways.Any(n => n.AllocationId == allocationId))
            {
                throw new ServiceException("Resource.AlreadyAssociated", $"Elastic IP address [{allocationId}] is already associated");
            }

            if (!InternetGateways.Any(g => g.AttachedVpcId == subnet.VpcId))
            {
                throw new ServiceException("Gateway.NotAttached", $"Network {subnet.VpcId} has no Internet gateway attached");
            }
        }

        var gateway = new Ec2NatGateway
        {
            NatGatewayId = IdGenerator.HexId("nat-", 17),
            SubnetId = subnetId,
            VpcId = subnet.VpcId,
            ConnectivityType = connectivityType,
            AllocationId = connectivityType == "public" ? allocationId : null,
            NetworkInterfaceId = IdGenerator.HexId("eni-", 17),
            PrivateIp = HostAddress(subnet.CidrBlock, 4 + NatGateways.Count(n => n.SubnetId == subnetId)),
            CreateTime = now,
            Tags = [.. tags],
        };
        NatGateways.Add(gateway);
        return gateway;
    }

    public void DeleteNatGateway(string natGatewayId)
    {
        if (NatGateways.RemoveAll(n => n.NatGatewayId == natGatewayId) == 0)
        {
            throw new ServiceException("NatGatewayNotFound", $"The Nat Gateway {natGatewayId} was not found");
        }
    }

    public Ec2VpcEndpointService CreateVpcEndpointService(string region, IReadOnlyList<string> networkLoadBalancers, IReadOnlyList<string> gatewayLoadBalancers, bool acceptanceRequired, IReadOnlyList<Tag> tags)
    {
        if ((networkLoadBalancers.Count == 0) == (gatewayLoadBalancers.Count == 0))
        {
            throw new ServiceException("InvalidParameter", "Either NetworkLoadBalancerArns or GatewayLoadBalancerArns must be specified, but not both.");
        }

        var id = IdGenerator.HexId("vpce-svc-", 17);
        var service = new Ec2VpcEndpointService
        {
            ServiceId = id,
            ServiceName = $"com.amazonaws.vpce.{region}.{id}",
            AcceptanceRequired = acceptanceRequired,
            NetworkLoadBalancerArns = [.. networkLoadBalancers],
            GatewayLoadBalancerArns = [.. gatewayLoadBalancers],
            Tags = [.. tags],
        };
        VpcEndpointServices.Add(service);
        return service;
    }

    /// <summary>The AWS dependency rules for deleting a VPC: only its default group and main route table may remain.</summary>
    public void DeleteVpc(string vpcId)
    {
        Vpc(vpcId);
        if (Subnets.Any(s => s.VpcId == vpcId) || SecurityGroups.Any(g => g.VpcId == vpcId && g.GroupName != "default") || VpcEndpoints.Any(e => e.VpcId == vpcId)
            || InternetGateways.Any(g => g.AttachedVpcId == vpcId) || RouteTables.Any(t => t.VpcId == vpcId && !t.Associations.Any(a => a.Main)))
        {
            throw new ServiceException("DependencyViolation", $"The vpc '{vpcId}' has dependencies and cannot be deleted.");
        }

        SecurityGroups.RemoveAll(g => g.VpcId == vpcId);
        RouteTables.RemoveAll(t => t.VpcId == vpcId);
        Vpcs.RemoveAll(v => v.VpcId == vpcId);
    }

    /// <summary>Deletes a subnet; like AWS it fails while a NAT gateway is in it, and drops its route table association.</summary>
    public void DeleteSubnet(string subnetId)
    {
        if (NatGateways.Any(n => n.SubnetId == subnetId) || VpcEndpoints.Any(e => e.SubnetIds.Contains(subnetId)))
        {
            throw new ServiceException("DependencyViolation", $"The subnet '{subnetId}' has dependencies and cannot be deleted.");
        }

        foreach (var table in RouteTables)
        {
            table.Associations.RemoveAll(a => a.SubnetId == subnetId);
        }

        Subnets.RemoveAll(s => s.SubnetId == subnetId);
    }

    private Ec2RouteTable AddRouteTable(Ec2Vpc vpc, bool main, IReadOnlyList<Tag> tags)
    {
        var table = new Ec2RouteTable
        {
            RouteTableId = IdGenerator.HexId("rtb-", 17),
            VpcId = vpc.VpcId,
            Routes = [new Ec2Route { DestinationCidrBlock = vpc.CidrBlock, GatewayId = "local", Origin = "CreateRouteTable" }],
            Associations = main ? [new Ec2RouteTableAssociation { AssociationId = IdGenerator.HexId("rtbassoc-", 17), Main = true }] : [],
            Tags = [.. tags],
        };
        RouteTables.Add(table);
        return table;
    }

    private static Ec2Route Route(Ec2RouteTable table, string destination) =>
        table.Routes.FirstOrDefault(r => r.DestinationCidrBlock == destination)
            ?? throw new ServiceException("InvalidRoute.NotFound", $"no route with destination-cidr-block {destination} in route table {table.RouteTableId}");

    private void SetTarget(Ec2RouteTable table, Ec2Route route, string? gatewayId, string? natGatewayId)
    {
        if ((gatewayId is null) == (natGatewayId is null))
        {
            throw new ServiceException("InvalidParameterCombination", "The request must contain exactly one of gatewayId, natGatewayId (LocalCloud supports these route targets)");
        }

        if (gatewayId is not null && gatewayId.StartsWith("vpce-", StringComparison.Ordinal))
        {
            var endpoint = VpcEndpoints.FirstOrDefault(e => e.VpcEndpointId == gatewayId) ?? throw new ServiceException("InvalidVpcEndpointId.NotFound", $"The VPC endpoint ID '{gatewayId}' does not exist");
            RequireSameNetwork(table, endpoint.VpcId, gatewayId);
        }
        else if (gatewayId is not null)
        {
            RequireSameNetwork(table, InternetGateway(gatewayId).AttachedVpcId, gatewayId);
        }
        else
        {
            var nat = NatGateways.FirstOrDefault(n => n.NatGatewayId == natGatewayId) ?? throw new ServiceException("InvalidNatGatewayID.NotFound", $"The natGateway ID '{natGatewayId}' does not exist");
            RequireSameNetwork(table, nat.VpcId, natGatewayId!);
        }

        route.GatewayId = gatewayId;
        route.NatGatewayId = natGatewayId;
    }

    private static void RequireSameNetwork(Ec2RouteTable table, string? vpcId, string targetId)
    {
        if (vpcId != table.VpcId)
        {
            throw new ServiceException("InvalidParameterValue", $"route table {table.RouteTableId} and network gateway {targetId} belong to different networks");
        }
    }

    private static string HostAddress(string cidr, int offset)
    {
        var bytes = IPAddress.Parse(cidr.Split('/')[0]).GetAddressBytes();
        var value = (((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3]) + (uint)offset;
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]).ToString();
    }
}
