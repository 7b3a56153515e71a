using System.Globalization;
using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Ec2;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.CloudFormation.Provisioners;

/// <summary>
/// VPCs, subnets, security groups (and their rules), VPC endpoints, route tables, routes, gateways, Elastic IPs
/// and endpoint services in the EC2 store.
/// </summary>
public sealed partial class StoreResourceProvisioner
{
    private ProvisioningResult CreateVpc(ResourceRequest request)
    {
        var vpc = Region.Ec2.CreateVpc(Required(request.Properties, "CidrBlock"), Tags(request));
        var defaultGroup = Region.Ec2.SecurityGroups.First(g => g.VpcId == vpc.VpcId && g.GroupName == "default");
        return Described(request, vpc.VpcId, vpc.VpcId, Now, new Dictionary<string, JsonNode?> { ["DefaultSecurityGroup"] = defaultGroup.GroupId });
    }

    private ProvisioningResult CreateSubnet(ResourceRequest request)
    {
        var p = request.Properties;
        var subnet = Region.Ec2.CreateSubnet(_region, Required(p, "VpcId"), Required(p, "CidrBlock"), Str(p, "AvailabilityZone"), Tags(request));
        subnet.MapPublicIpOnLaunch = IsTrue(p, "MapPublicIpOnLaunch");
        return Described(request, subnet.SubnetId, subnet.SubnetId, Now, new Dictionary<string, JsonNode?> { ["AvailabilityZone"] = subnet.AvailabilityZone });
    }

    private ProvisioningResult CreateSecurityGroup(ResourceRequest request)
    {
        var p = request.Properties;
        var vpcId = Str(p, "VpcId") ?? DefaultVpc();
        var group = Region.Ec2.CreateSecurityGroup(vpcId, Str(p, "GroupName") ?? request.NameOrGenerated(), Required(p, "GroupDescription"), Tags(request));
        ApplyRules(group, p);
        return Described(request, group.GroupName, group.GroupId, Now, new Dictionary<string, JsonNode?> { ["VpcId"] = vpcId }, group.GroupId);
    }

    private ProvisioningResult UpdateSecurityGroup(ResourceRequest request)
    {
        var group = Group(request.PhysicalId!);
        ReplaceOwnRules(group, request.PreviousProperties ?? [], request.Properties);
        group.Tags = Tags(request);
        return Described(request, group.GroupName, group.GroupId, Now, new Dictionary<string, JsonNode?> { ["VpcId"] = group.VpcId }, group.GroupId);
    }

    private static void ApplyRules(Ec2SecurityGroup group, JsonObject p)
    {
        group.Ingress = OwnRules(p, ingress: true);
        group.Egress = OwnRules(p, ingress: false);
    }

    /// <summary>
    /// Replaces only the rules the group's own SecurityGroupIngress/SecurityGroupEgress properties contributed (as the
    /// previous properties describe them), keeping rules that separate AWS::EC2::SecurityGroupIngress/Egress resources added.
    /// </summary>
    private static void ReplaceOwnRules(Ec2SecurityGroup group, JsonObject previous, JsonObject current)
    {
        group.Ingress = [.. OwnRules(current, ingress: true), .. Without(group.Ingress, OwnRules(previous, ingress: true))];
        group.Egress = [.. OwnRules(current, ingress: false), .. Without(group.Egress, OwnRules(previous, ingress: false))];
    }

    /// <summary>The group's inline rules; without SecurityGroupEgress a group allows all outbound traffic, as on AWS.</summary>
    private static List<Ec2Permission> OwnRules(JsonObject p, bool ingress) =>
        p[ingress ? "SecurityGroupIngress" : "SecurityGroupEgress"] is JsonArray rules
            ? rules.OfType<JsonObject>().Select(r => Permission(r, ingress)).ToList()
            : ingress ? [] : [new Ec2Permission("-1", null, null, ["0.0.0.0/0"], [])];

    /// <summary>The rules minus one occurrence of each removed rule.</summary>
    private static List<Ec2Permission> Without(List<Ec2Permission> rules, List<Ec2Permission> removed)
    {
        var remaining = rules.ToList();
        foreach (var rule in removed)
        {
            var index = remaining.FindIndex(r => Same(r, rule));
            if (index >= 0)
            {
                remaining.RemoveAt(index);
            }
        }

        return remaining;
    }

    private ProvisioningResult AddRule(ResourceRequest request, bool ingress)
    {
        var group = Group(Required(request.Properties, "GroupId"));
        var permission = Permission(request.Properties, ingress);
        (ingress ? group.Ingress : group.Egress).Add(permission);
        var id = PhysicalIds.NewId(request.TypeInfo.IdShape);
        return Described(request, id, id, Now);
    }

    private ProvisioningResult RemoveRule(ResourceRequest request, bool ingress)
    {
        if (Str(request.Properties, "GroupId") is { } groupId && Region.Ec2.SecurityGroups.FirstOrDefault(g => g.GroupId == groupId) is { } group)
        {
            var permission = Permission(request.Properties, ingress);
            var rules = ingress ? group.Ingress : group.Egress;
            var index = rules.FindIndex(r => Same(r, permission));
            if (index >= 0)
            {
                rules.RemoveAt(index);
            }
        }

        return Deleted(request);
    }

    private ProvisioningResult CreateVpcEndpoint(ResourceRequest request)
    {
        var p = request.Properties;
        var endpoint = Region.Ec2.CreateVpcEndpoint(
            Required(p, "VpcId"),
            Required(p, "ServiceName"),
            Str(p, "VpcEndpointType") ?? "Gateway",
            Strings(p, "SubnetIds"),
            Strings(p, "SecurityGroupIds"),
            Strings(p, "RouteTableIds"),
            Document(p["PolicyDocument"]),
            IsTrue(p, "PrivateDnsEnabled"),
            Tags(request),
            Now);
        return Described(request, endpoint.VpcEndpointId, endpoint.VpcEndpointId, endpoint.CreationTimestamp);
    }

    private ProvisioningResult DeleteEc2(ResourceRequest request)
    {
        var ec2 = Region.Ec2;
        var id = request.PhysicalId!;
        switch (request.ResourceType)
        {
            case "AWS::EC2::VPC":
                ec2.DeleteVpc(id);
                break;
            case "AWS::EC2::Subnet":
                ec2.DeleteSubnet(id);
                break;
            case "AWS::EC2::SecurityGroup":
                ec2.SecurityGroups.RemoveAll(g => g.GroupId == id);
                break;
            default:
                ec2.VpcEndpoints.RemoveAll(e => e.VpcEndpointId == id);
                break;
        }

        return Deleted(request);
    }

    /// <summary>Route tables, routes, gateways, Elastic IPs and endpoint services; VPN gateway attachments stay records.</summary>
    private static bool IsRouting(ResourceRequest request) => request.ResourceType switch
    {
        "AWS::EC2::RouteTable" or "AWS::EC2::Route" or "AWS::EC2::SubnetRouteTableAssociation" or "AWS::EC2::InternetGateway"
            or "AWS::EC2::NatGateway" or "AWS::EC2::EIP" or "AWS::EC2::VPCEndpointService" => true,
        "AWS::EC2::VPCGatewayAttachment" => !request.Properties.ContainsKey("VpnGatewayId"),
        _ => false,
    };

    private ProvisioningResult CreateRouting(ResourceRequest request)
    {
        var ec2 = Region.Ec2;
        var p = request.Properties;
        switch (request.ResourceType)
        {
            case "AWS::EC2::RouteTable":
                var table = ec2.CreateRouteTable(Required(p, "VpcId"), Tags(request));
                return Described(request, table.RouteTableId, table.RouteTableId, Now);
            case "AWS::EC2::Route":
                var (gatewayId, natGatewayId) = RouteTarget(p);
                ec2.CreateRoute(Required(p, "RouteTableId"), RouteDestination(p), gatewayId, natGatewayId);
                return Described(request, string.Empty, string.Empty, Now);
            case "AWS::EC2::SubnetRouteTableAssociation":
                var association = ec2.AssociateRouteTable(Required(p, "RouteTableId"), Required(p, "SubnetId"));
                return Described(request, association.AssociationId, association.AssociationId, Now);
            case "AWS::EC2::InternetGateway":
                var gateway = ec2.CreateInternetGateway(Tags(request));
                return Described(request, gateway.InternetGatewayId, gateway.InternetGatewayId, Now);
            case "AWS::EC2::VPCGatewayAttachment":
                ec2.AttachInternetGateway(Required(p, "InternetGatewayId"), Required(p, "VpcId"));
                return Described(request, string.Empty, string.Empty, Now);
            case "AWS::EC2::NatGateway":
                var nat = ec2.CreateNatGateway(Required(p, "SubnetId"), Str(p, "ConnectivityType") ?? "public", Str(p, "AllocationId"), Tags(request), Now);
                return Described(request, nat.NatGatewayId, nat.NatGatewayId, nat.CreateTime, new Dictionary<string, JsonNode?> { ["EniId"] = nat.NetworkInterfaceId });
            case "AWS::EC2::EIP":
                Unsupported(p, "Address", "IpamPoolId", "TransferAddress", "InstanceId", "PublicIpv4Pool");
                if (Str(p, "Domain") is { } domain && domain != "vpc")
                {
                    throw new ServiceException("InvalidParameterValue", $"Domain {domain} is not supported by LocalCloud (only vpc).");
                }

                var address = ec2.AllocateAddress(Tags(request));
                return Described(request, address.PublicIp, address.AllocationId, Now, AddressAttributes(address), address.PublicIp);
            default:
                var service = ec2.CreateVpcEndpointService(_region, Strings(p, "NetworkLoadBalancerArns"), Strings(p, "GatewayLoadBalancerArns"), IsTrue(p, "AcceptanceRequired"), Tags(request));
                return Described(request, service.ServiceId, service.ServiceId, Now);
        }
    }

    /// <summary>In-place updates of VPCs (tags), subnets (tags, MapPublicIpOnLaunch) and VPC endpoints (subnets, groups, route tables, policy, private DNS, tags).</summary>
    private ProvisioningResult UpdateNetwork(ResourceRequest request)
    {
        var ec2 = Region.Ec2;
        var p = request.Properties;
        var id = request.PhysicalId!;
        switch (request.ResourceType)
        {
            case "AWS::EC2::VPC":
                ec2.Vpc(id).Tags = Tags(request);
                break;
            case "AWS::EC2::Subnet":
                var subnet = ec2.Subnets.FirstOrDefault(s => s.SubnetId == id) ?? throw new ServiceException("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist");
                subnet.MapPublicIpOnLaunch = IsTrue(p, "MapPublicIpOnLaunch");
                subnet.Tags = Tags(request);
                break;
            default:
                var endpoint = ec2.ModifyVpcEndpoint(id, Strings(p, "SubnetIds"), Strings(p, "SecurityGroupIds"), Strings(p, "RouteTableIds"), Document(p["PolicyDocument"]), IsTrue(p, "PrivateDnsEnabled"));
                endpoint.Tags = Tags(request);
                break;
        }

        return Redescribe(request, id);
    }

    private ProvisioningResult UpdateRouting(ResourceRequest request)
    {
        var ec2 = Region.Ec2;
        var p = request.Properties;
        var id = request.PhysicalId!;
        switch (request.ResourceType)
        {
            case "AWS::EC2::RouteTable":
                ec2.RouteTable(id).Tags = Tags(request);
                break;
            case "AWS::EC2::Route":
                var (gatewayId, natGatewayId) = RouteTarget(p);
                ec2.ReplaceRoute(Required(p, "RouteTableId"), RouteDestination(p), gatewayId, natGatewayId);
                break;
            case "AWS::EC2::InternetGateway":
                ec2.InternetGateway(id).Tags = Tags(request);
                break;
            case "AWS::EC2::VPCGatewayAttachment":
                var previous = Str(request.PreviousProperties ?? [], "InternetGatewayId");
                var current = Required(p, "InternetGatewayId");
                if (previous != current)
                {
                    if (previous is not null)
                    {
                        ec2.DetachInternetGateway(previous, Required(p, "VpcId"));
                    }

                    ec2.AttachInternetGateway(current, Required(p, "VpcId"));
                }

                break;
            case "AWS::EC2::NatGateway":
                (ec2.NatGateways.FirstOrDefault(n => n.NatGatewayId == id) ?? throw new ServiceException("NatGatewayNotFound", $"The Nat Gateway {id} was not found")).Tags = Tags(request);
                break;
            case "AWS::EC2::EIP":
                (ec2.Addresses.FirstOrDefault(a => a.PublicIp == id) ?? throw new ServiceException("InvalidAddress.NotFound", $"Address {id} not found")).Tags = Tags(request);
                break;
            case "AWS::EC2::VPCEndpointService":
                var service = ec2.VpcEndpointServices.FirstOrDefault(s => s.ServiceId == id) ?? throw new ServiceException("InvalidVpcEndpointServiceId.NotFound", $"The service ID '{id}' does not exist");
                service.NetworkLoadBalancerArns = [.. Strings(p, "NetworkLoadBalancerArns")];
                service.GatewayLoadBalancerArns = [.. Strings(p, "GatewayLoadBalancerArns")];
                service.AcceptanceRequired = IsTrue(p, "AcceptanceRequired");
                service.Tags = Tags(request);
                break;
            default:
                break;
        }

        return Redescribe(request, id);
    }

    /// <summary>Deletes the store entry; an entry that is already gone counts as deleted.</summary>
    private ProvisioningResult DeleteRouting(ResourceRequest request)
    {
        var ec2 = Region.Ec2;
        var p = request.Properties;
        var id = request.PhysicalId!;
        switch (request.ResourceType)
        {
            case "AWS::EC2::RouteTable" when ec2.RouteTables.Any(t => t.RouteTableId == id):
                ec2.DeleteRouteTable(id);
                break;
            case "AWS::EC2::Route":
                var separator = id.IndexOf('|', StringComparison.Ordinal);
                var tableId = separator < 0 ? string.Empty : id[..separator];
                var destination = id[(separator + 1)..];
                if (ec2.RouteTables.FirstOrDefault(t => t.RouteTableId == tableId) is { } table && table.Routes.Any(r => r.DestinationCidrBlock == destination))
                {
                    ec2.DeleteRoute(tableId, destination);
                }

                break;
            case "AWS::EC2::SubnetRouteTableAssociation" when ec2.RouteTables.Any(t => t.Associations.Any(a => a.AssociationId == id)):
                ec2.DisassociateRouteTable(id);
                break;
            case "AWS::EC2::InternetGateway" when ec2.InternetGateways.Any(g => g.InternetGatewayId == id):
                ec2.DeleteInternetGateway(id);
                break;
            case "AWS::EC2::VPCGatewayAttachment":
                if (Str(p, "InternetGatewayId") is { } gatewayId && Str(p, "VpcId") is { } vpcId && ec2.InternetGateways.Any(g => g.InternetGatewayId == gatewayId && g.AttachedVpcId == vpcId))
                {
                    ec2.DetachInternetGateway(gatewayId, vpcId);
                }

                break;
            case "AWS::EC2::NatGateway" when ec2.NatGateways.Any(n => n.NatGatewayId == id):
                ec2.DeleteNatGateway(id);
                break;
            case "AWS::EC2::EIP" when ec2.Addresses.FirstOrDefault(a => a.PublicIp == id) is { } address:
                ec2.ReleaseAddress(address.AllocationId);
                break;
            case "AWS::EC2::VPCEndpointService":
                ec2.VpcEndpointServices.RemoveAll(s => s.ServiceId == id);
                break;
            default:
                break;
        }

        return Deleted(request);
    }

    private static string RouteDestination(JsonObject p)
    {
        Unsupported(p, "DestinationIpv6CidrBlock", "DestinationPrefixListId");
        return Required(p, "DestinationCidrBlock");
    }

    /// <summary>The route's target as (gateway or VPC endpoint, NAT gateway); targets LocalCloud does not model are refused.</summary>
    private static (string? GatewayId, string? NatGatewayId) RouteTarget(JsonObject p)
    {
        Unsupported(p, "CarrierGatewayId", "CoreNetworkArn", "EgressOnlyInternetGatewayId", "InstanceId", "LocalGatewayId", "NetworkInterfaceId", "TransitGatewayId", "VpcPeeringConnectionId");
        return (Str(p, "GatewayId") ?? Str(p, "VpcEndpointId"), Str(p, "NatGatewayId"));
    }

    private static void Unsupported(JsonObject p, params string[] names)
    {
        if (names.FirstOrDefault(p.ContainsKey) is { } name)
        {
            throw new ServiceException("InvalidRequest", $"Property {name} is not supported by LocalCloud.");
        }
    }

    private static bool IsTrue(JsonObject p, string name) => string.Equals(Str(p, name), "true", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, JsonNode?> AddressAttributes(Ec2Address address) =>
        new() { ["AllocationId"] = address.AllocationId, ["PublicIp"] = address.PublicIp };

    private Ec2SecurityGroup Group(string groupId) =>
        Region.Ec2.SecurityGroups.FirstOrDefault(g => g.GroupId == groupId)
            ?? throw new ServiceException("InvalidGroup.NotFound", $"The security group '{groupId}' does not exist");

    private string DefaultVpc()
    {
        Region.Ec2.EnsureDefaults(_region);
        return Region.Ec2.Vpcs.First(v => v.IsDefault).VpcId;
    }

    private static Ec2Permission Permission(JsonObject rule, bool ingress)
    {
        var cidr = TemplateValues.AsString(rule["CidrIp"]);
        var group = TemplateValues.AsString(rule[ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId"]);
        var prefixList = TemplateValues.AsString(rule[ingress ? "SourcePrefixListId" : "DestinationPrefixListId"]);
        return new Ec2Permission(
            TemplateValues.AsString(rule["IpProtocol"]) ?? "-1",
            Port(rule["FromPort"]),
            Port(rule["ToPort"]),
            cidr is null ? (prefixList is null ? [] : [prefixList]) : [cidr],
            group is null ? [] : [group]);
    }

    private static int? Port(JsonNode? node) =>
        TemplateValues.AsString(node) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var port) ? port : null;

    private static bool Same(Ec2Permission a, Ec2Permission b) =>
        a.IpProtocol == b.IpProtocol && a.FromPort == b.FromPort && a.ToPort == b.ToPort
        && a.CidrIps.SequenceEqual(b.CidrIps) && a.GroupIds.SequenceEqual(b.GroupIds);
}
