using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;
using Portal.LocalCloud.State;
using static Portal.LocalCloud.Protocols.Xml;

namespace Portal.LocalCloud.Ec2;

/// <summary>
/// EC2 in the EC2 query protocol: describe (with filters and paging) and create for VPC networking; route tables,
/// gateways, Elastic IPs and endpoint services are described (stacks create them).
/// </summary>
public sealed class Ec2Handler : IQueryService
{
    public string SigningName => "ec2";

    public WireProtocol Protocol => WireProtocol.Ec2;

    public string XmlNamespace => "http://ec2.amazonaws.com/doc/2016-11-15/";

    public bool IsReadOnly(string operation) => operation.StartsWith("Describe", StringComparison.Ordinal);

    public IReadOnlyList<XElement>? Invoke(string operation, QueryInput input, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var ec2 = context.RegionState.Ec2;
        if (ec2.EnsureDefaults(context.Region))
        {
            context.MarkChanged();
        }

        var owner = context.AccountId;
        switch (operation)
        {
            case "DescribeAvailabilityZones":
            {
                var names = input.List("ZoneName");
                var zones = Ec2Store.Zones(context.Region)
                    .Select((z, i) => (Name: z, Id: $"{RegionCode(context.Region)}-az{i + 1}"))
                    .Where(z => names.Count == 0 || names.Contains(z.Name))
                    .Where(z => Matches(input, new Dictionary<string, IEnumerable<string>>
                    {
                        ["zone-name"] = [z.Name],
                        ["zone-id"] = [z.Id],
                        ["region-name"] = [context.Region],
                        ["state"] = ["available"],
                    }, []))
                    .ToList();
                return [List("availabilityZoneInfo", "item", zones, z => [
                    E("zoneState", "available"), E("optInStatus", "opt-in-not-required"), E("messageSet"),
                    E("regionName", context.Region), E("zoneName", z.Name), E("zoneId", z.Id),
                    E("groupName", context.Region), E("networkBorderGroup", context.Region), E("zoneType", "availability-zone")])];
            }

            case "DescribeVpcs":
            {
                var items = Select(input, ec2.Vpcs, "VpcId", v => v.VpcId, "InvalidVpcID.NotFound", "vpc", v => v.Tags, v => new Dictionary<string, IEnumerable<string>>
                {
                    ["vpc-id"] = [v.VpcId],
                    ["cidr"] = [v.CidrBlock],
                    ["cidr-block"] = [v.CidrBlock],
                    ["cidr-block-association.cidr-block"] = [v.CidrBlock],
                    ["is-default"] = [v.IsDefault ? "true" : "false"],
                    ["isDefault"] = [v.IsDefault ? "true" : "false"],
                    ["state"] = [v.State],
                    ["owner-id"] = [owner],
                });
                return Paged(input, items, "vpcSet", v => [
                    E("vpcId", v.VpcId), E("ownerId", owner), E("state", v.State), E("cidrBlock", v.CidrBlock),
                    E("cidrBlockAssociationSet", E("item", E("cidrBlock", v.CidrBlock), E("associationId", "vpc-cidr-assoc-" + v.VpcId[4..]), E("cidrBlockState", E("state", "associated")))),
                    E("dhcpOptionsId", "default"), E("instanceTenancy", "default"), E("isDefault", v.IsDefault ? "true" : "false"), TagSet(v.Tags)]);
            }

            case "DescribeSubnets":
            {
                var items = Select(input, ec2.Subnets, "SubnetId", s => s.SubnetId, "InvalidSubnetID.NotFound", "subnet", s => s.Tags, s => new Dictionary<string, IEnumerable<string>>
                {
                    ["subnet-id"] = [s.SubnetId],
                    ["vpc-id"] = [s.VpcId],
                    ["cidr-block"] = [s.CidrBlock],
                    ["cidrBlock"] = [s.CidrBlock],
                    ["availability-zone"] = [s.AvailabilityZone],
                    ["availabilityZone"] = [s.AvailabilityZone],
                    ["default-for-az"] = [s.DefaultForAz ? "true" : "false"],
                    ["defaultForAz"] = [s.DefaultForAz ? "true" : "false"],
                    ["state"] = ["available"],
                    ["owner-id"] = [owner],
                });
                return Paged(input, items, "subnetSet", s => [
                    E("subnetId", s.SubnetId), E("subnetArn", $"arn:aws:ec2:{context.Region}:{owner}:subnet/{s.SubnetId}"), E("state", "available"), E("ownerId", owner),
                    E("vpcId", s.VpcId), E("cidrBlock", s.CidrBlock), E("ipv6CidrBlockAssociationSet"), E("availableIpAddressCount", Capacity(s.CidrBlock)),
                    E("availabilityZone", s.AvailabilityZone), E("availabilityZoneId", $"{RegionCode(context.Region)}-az{Ec2Store.Zones(context.Region).ToList().IndexOf(s.AvailabilityZone) + 1}"),
                    E("defaultForAz", s.DefaultForAz ? "true" : "false"), E("mapPublicIpOnLaunch", s.MapPublicIpOnLaunch ? "true" : "false"),
                    E("assignIpv6AddressOnCreation", "false"), TagSet(s.Tags)]);
            }

            case "DescribeSecurityGroups":
            {
                var names = input.List("GroupName");
                var groups = ec2.SecurityGroups.Where(g => names.Count == 0 || names.Contains(g.GroupName)).ToList();
                foreach (var name in names.Where(n => !groups.Any(g => g.GroupName == n)))
                {
                    throw new ServiceException("InvalidGroup.NotFound", $"The security group '{name}' does not exist in default VPC");
                }

                var items = Select(input, groups, "GroupId", g => g.GroupId, "InvalidGroup.NotFound", "security group", g => g.Tags, g => new Dictionary<string, IEnumerable<string>>
                {
                    ["group-id"] = [g.GroupId],
                    ["group-name"] = [g.GroupName],
                    ["vpc-id"] = [g.VpcId],
                    ["description"] = [g.Description],
                    ["owner-id"] = [owner],
                });
                return Paged(input, items, "securityGroupInfo", g => [
                    E("ownerId", owner), E("groupId", g.GroupId), E("groupName", g.GroupName), E("groupDescription", g.Description), E("vpcId", g.VpcId),
                    Permissions("ipPermissions", g.Ingress, owner), Permissions("ipPermissionsEgress", g.Egress, owner), TagSet(g.Tags)]);
            }

            case "DescribeVpcEndpoints":
            {
                var items = Select(input, ec2.VpcEndpoints, "VpcEndpointId", e => e.VpcEndpointId, "InvalidVpcEndpointId.NotFound", "VPC endpoint", e => e.Tags, e => new Dictionary<string, IEnumerable<string>>
                {
                    ["vpc-endpoint-id"] = [e.VpcEndpointId],
                    ["vpc-id"] = [e.VpcId],
                    ["service-name"] = [e.ServiceName],
                    ["vpc-endpoint-state"] = [e.State],
                    ["vpc-endpoint-type"] = [e.VpcEndpointType],
                });
                return Paged(input, items, "vpcEndpointSet", e => [
                    E("vpcEndpointId", e.VpcEndpointId), E("vpcEndpointType", e.VpcEndpointType), E("vpcId", e.VpcId), E("serviceName", e.ServiceName),
                    E("state", e.State), E("policyDocument", e.PolicyDocument), Strings("routeTableIdSet", "item", e.RouteTableIds), Strings("subnetIdSet", "item", e.SubnetIds),
                    List("groupSet", "item", e.SecurityGroupIds, id => [E("groupId", id), E("groupName", ec2.SecurityGroups.FirstOrDefault(g => g.GroupId == id)?.GroupName ?? id)]),
                    E("privateDnsEnabled", e.PrivateDnsEnabled ? "true" : "false"), E("requesterManaged", "false"), E("networkInterfaceIdSet"), E("dnsEntrySet"),
                    E("creationTimestamp", AwsTime.Iso(e.CreationTimestamp)), TagSet(e.Tags), E("ownerId", owner)]);
            }

            case "DescribeRouteTables":
            {
                var items = Select(input, ec2.RouteTables, "RouteTableId", t => t.RouteTableId, "InvalidRouteTableID.NotFound", "route table", t => t.Tags, t => new Dictionary<string, IEnumerable<string>>
                {
                    ["route-table-id"] = [t.RouteTableId],
                    ["vpc-id"] = [t.VpcId],
                    ["association.subnet-id"] = t.Associations.Select(a => a.SubnetId).OfType<string>(),
                    ["association.route-table-association-id"] = t.Associations.Select(a => a.AssociationId),
                    ["association.main"] = [t.Associations.Any(a => a.Main) ? "true" : "false"],
                    ["route.destination-cidr-block"] = t.Routes.Select(r => r.DestinationCidrBlock),
                    ["route.gateway-id"] = t.Routes.Select(r => r.GatewayId).OfType<string>(),
                    ["route.nat-gateway-id"] = t.Routes.Select(r => r.NatGatewayId).OfType<string>(),
                    ["owner-id"] = [owner],
                });
                return Paged(input, items, "routeTableSet", t => [
                    List("associationSet", "item", t.Associations, a => [
                        E("main", a.Main ? "true" : "false"), E("routeTableAssociationId", a.AssociationId), E("routeTableId", t.RouteTableId),
                        Opt("subnetId", a.SubnetId), E("associationState", E("state", "associated"))]),
                    E("propagatingVgwSet"), E("routeTableId", t.RouteTableId),
                    List("routeSet", "item", t.Routes, r => [
                        E("destinationCidrBlock", r.DestinationCidrBlock), Opt("gatewayId", r.GatewayId), Opt("natGatewayId", r.NatGatewayId),
                        E("origin", r.Origin), E("state", RouteState(ec2, r))]),
                    TagSet(t.Tags), E("vpcId", t.VpcId), E("ownerId", owner)]);
            }

            case "DescribeInternetGateways":
            {
                var items = Select(input, ec2.InternetGateways, "InternetGatewayId", g => g.InternetGatewayId, "InvalidInternetGatewayID.NotFound", "internetGateway", g => g.Tags, g => new Dictionary<string, IEnumerable<string>>
                {
                    ["internet-gateway-id"] = [g.InternetGatewayId],
                    ["attachment.vpc-id"] = g.AttachedVpcId is null ? [] : [g.AttachedVpcId],
                    ["attachment.state"] = g.AttachedVpcId is null ? [] : ["available"],
                    ["owner-id"] = [owner],
                });
                return Paged(input, items, "internetGatewaySet", g => [
                    List<string>("attachmentSet", "item", g.AttachedVpcId is null ? [] : [g.AttachedVpcId], v => [E("state", "available"), E("vpcId", v)]),
                    E("internetGatewayId", g.InternetGatewayId), E("ownerId", owner), TagSet(g.Tags)]);
            }

            case "DescribeNatGateways":
            {
                var items = Select(input, ec2.NatGateways, "NatGatewayId", n => n.NatGatewayId, "NatGatewayNotFound", "NAT gateway", n => n.Tags, n => new Dictionary<string, IEnumerable<string>>
                {
                    ["nat-gateway-id"] = [n.NatGatewayId],
                    ["vpc-id"] = [n.VpcId],
                    ["subnet-id"] = [n.SubnetId],
                    ["state"] = [n.State],
                });
                return Paged(input, items, "natGatewaySet", n => [
                    E("createTime", AwsTime.Iso(n.CreateTime)),
                    List("natGatewayAddressSet", "item", [n], a => [
                        Opt("allocationId", a.AllocationId), E("networkInterfaceId", a.NetworkInterfaceId), E("privateIp", a.PrivateIp),
                        Opt("publicIp", ec2.Addresses.FirstOrDefault(x => x.AllocationId == a.AllocationId)?.PublicIp)]),
                    E("natGatewayId", n.NatGatewayId), E("state", n.State), E("subnetId", n.SubnetId), E("vpcId", n.VpcId), TagSet(n.Tags), E("connectivityType", n.ConnectivityType)]);
            }

            case "DescribeAddresses":
            {
                var publicIps = input.List("PublicIp");
                foreach (var missing in publicIps.Where(ip => !ec2.Addresses.Any(a => a.PublicIp == ip)))
                {
                    throw new ServiceException("InvalidAddress.NotFound", $"Address '{missing}' not found.");
                }

                var addresses = ec2.Addresses.Where(a => publicIps.Count == 0 || publicIps.Contains(a.PublicIp)).ToList();
                var items = Select(input, addresses, "AllocationId", a => a.AllocationId, "InvalidAllocationID.NotFound", "allocation", a => a.Tags, a =>
                {
                    var nat = ec2.NatGateways.FirstOrDefault(n => n.AllocationId == a.AllocationId);
                    return new Dictionary<string, IEnumerable<string>>
                    {
                        ["allocation-id"] = [a.AllocationId],
                        ["public-ip"] = [a.PublicIp],
                        ["domain"] = [a.Domain],
                        ["association-id"] = nat is null ? [] : [AssociationId(a)],
                        ["network-interface-id"] = nat is null ? [] : [nat.NetworkInterfaceId],
                        ["private-ip-address"] = nat is null ? [] : [nat.PrivateIp],
                    };
                });
                return [List("addressesSet", "item", items, a => ec2.NatGateways.FirstOrDefault(n => n.AllocationId == a.AllocationId) is { } nat
                    ? [E("publicIp", a.PublicIp), E("allocationId", a.AllocationId), E("associationId", AssociationId(a)), E("domain", a.Domain),
                        E("networkInterfaceId", nat.NetworkInterfaceId), E("networkInterfaceOwnerId", owner), E("privateIpAddress", nat.PrivateIp),
                        TagSet(a.Tags), E("publicIpv4Pool", "amazon"), E("networkBorderGroup", context.Region)]
                    : [E("publicIp", a.PublicIp), E("allocationId", a.AllocationId), E("domain", a.Domain), TagSet(a.Tags), E("publicIpv4Pool", "amazon"), E("networkBorderGroup", context.Region)])];
            }

            case "DescribeVpcEndpointServiceConfigurations":
            {
                var items = Select(input, ec2.VpcEndpointServices, "ServiceId", s => s.ServiceId, "InvalidVpcEndpointServiceId.NotFound", "service", s => s.Tags, s => new Dictionary<string, IEnumerable<string>>
                {
                    ["service-name"] = [s.ServiceName],
                    ["service-id"] = [s.ServiceId],
                    ["service-state"] = ["Available"],
                });
                return Paged(input, items, "serviceConfigurationSet", s => [
                    List("serviceType", "item", [s.GatewayLoadBalancerArns.Count > 0 ? "GatewayLoadBalancer" : "Interface"], t => [E("serviceType", t)]),
                    E("serviceId", s.ServiceId), E("serviceName", s.ServiceName), E("serviceState", "Available"),
                    Strings("availabilityZoneSet", "item", Ec2Store.Zones(context.Region)), E("acceptanceRequired", s.AcceptanceRequired ? "true" : "false"),
                    E("managesVpcEndpoints", "false"), Strings("networkLoadBalancerArnSet", "item", s.NetworkLoadBalancerArns),
                    Strings("gatewayLoadBalancerArnSet", "item", s.GatewayLoadBalancerArns),
                    Strings("baseEndpointDnsNameSet", "item", [$"{s.ServiceId}.{context.Region}.vpce.amazonaws.com"]), TagSet(s.Tags)]);
            }

            case "CreateVpc":
            {
                var vpc = ec2.CreateVpc(input.Required("CidrBlock"), SpecTags(input, "vpc"));
                return [E("vpc", E("vpcId", vpc.VpcId), E("ownerId", owner), E("state", "available"), E("cidrBlock", vpc.CidrBlock), E("dhcpOptionsId", "default"), E("instanceTenancy", "default"), E("isDefault", "false"), TagSet(vpc.Tags))];
            }

            case "CreateSubnet":
            {
                var subnet = ec2.CreateSubnet(context.Region, input.Required("VpcId"), input.Required("CidrBlock"), input.Get("AvailabilityZone"), SpecTags(input, "subnet"));
                return [E("subnet", E("subnetId", subnet.SubnetId), E("state", "available"), E("vpcId", subnet.VpcId), E("cidrBlock", subnet.CidrBlock), E("availabilityZone", subnet.AvailabilityZone), E("ownerId", owner), TagSet(subnet.Tags))];
            }

            case "CreateSecurityGroup":
            {
                var vpcId = input.Get("VpcId") ?? ec2.Vpcs.First(v => v.IsDefault).VpcId;
                var group = ec2.CreateSecurityGroup(vpcId, input.Required("GroupName"), input.Required("GroupDescription"), SpecTags(input, "security-group"));
                return [E("return", "true"), E("groupId", group.GroupId), TagSet(group.Tags)];
            }

            case "CreateVpcEndpoint":
            {
                var endpoint = ec2.CreateVpcEndpoint(
                    input.Required("VpcId"),
                    input.Required("ServiceName"),
                    input.Get("VpcEndpointType") ?? "Gateway",
                    input.List("SubnetId"),
                    input.List("SecurityGroupId"),
                    input.List("RouteTableId"),
                    input.Get("PolicyDocument"),
                    input.Bool("PrivateDnsEnabled") ?? false,
                    SpecTags(input, "vpc-endpoint"),
                    context.Now);
                return [E("vpcEndpoint", E("vpcEndpointId", endpoint.VpcEndpointId), E("vpcEndpointType", endpoint.VpcEndpointType), E("vpcId", endpoint.VpcId), E("serviceName", endpoint.ServiceName), E("state", endpoint.State), E("creationTimestamp", AwsTime.Iso(endpoint.CreationTimestamp)))];
            }

            default:
                throw new ServiceException("InvalidAction", $"The action {operation} is not valid for this web service.");
        }
    }

    private static string RegionCode(string region)
    {
        var parts = region.Split('-');
        return parts.Length == 3 ? $"{parts[0]}{parts[1][0]}{parts[2]}" : region;
    }

    private static int Capacity(string cidr) =>
        (int)Math.Pow(2, 32 - int.Parse(cidr.Split('/')[1], CultureInfo.InvariantCulture)) - 5;

    /// <summary>A route whose gateway or NAT gateway is gone is a blackhole, as on AWS.</summary>
    private static string RouteState(Ec2Store ec2, Ec2Route route) =>
        route.GatewayId is "local"
        || (route.GatewayId is { } gateway && (ec2.InternetGateways.Any(g => g.InternetGatewayId == gateway && g.AttachedVpcId is not null) || ec2.VpcEndpoints.Any(e => e.VpcEndpointId == gateway)))
        || (route.NatGatewayId is { } nat && ec2.NatGateways.Any(n => n.NatGatewayId == nat))
            ? "active"
            : "blackhole";

    private static string AssociationId(Ec2Address address) => "eipassoc-" + address.AllocationId["eipalloc-".Length..];

    private static List<Tag> SpecTags(QueryInput input, string resourceType) =>
        input.Structures("TagSpecification")
            .Where(s => s.GetValueOrDefault("ResourceType") is null || s["ResourceType"] == resourceType)
            .SelectMany(s => s.Where(p => p.Key.StartsWith("Tag.", StringComparison.Ordinal) && p.Key.EndsWith(".Key", StringComparison.Ordinal))
                .Select(p => new Tag(p.Value, s.GetValueOrDefault(p.Key[..^4] + ".Value") ?? string.Empty)))
            .ToList();

    private static XElement TagSet(IEnumerable<Tag> tags) => List("tagSet", "item", tags, t => [E("key", t.Key), E("value", t.Value)]);

    private static XElement Permissions(string name, IEnumerable<Ec2Permission> permissions, string owner) =>
        List(name, "item", permissions, p => [
            E("ipProtocol", p.IpProtocol),
            Opt("fromPort", p.FromPort),
            Opt("toPort", p.ToPort),
            List("groups", "item", p.GroupIds, g => [E("groupId", g), E("userId", owner)]),
            List("ipRanges", "item", p.CidrIps, c => [E("cidrIp", c)]),
            E("ipv6Ranges"),
            E("prefixListIds")]);

    private static List<T> Select<T>(
        QueryInput input,
        IEnumerable<T> items,
        string idParameter,
        Func<T, string> id,
        string notFoundCode,
        string noun,
        Func<T, IEnumerable<Tag>> tags,
        Func<T, Dictionary<string, IEnumerable<string>>> fields)
    {
        var ids = input.List(idParameter);
        var all = items.ToList();
        foreach (var missing in ids.Where(i => !all.Any(x => id(x) == i)))
        {
            throw new ServiceException(notFoundCode, $"The {noun} ID '{missing}' does not exist");
        }

        return all.Where(x => ids.Count == 0 || ids.Contains(id(x))).Where(x => Matches(input, fields(x), tags(x))).ToList();
    }

    private static bool Matches(QueryInput input, Dictionary<string, IEnumerable<string>> fields, IEnumerable<Tag> tags)
    {
        foreach (var filter in input.Structures("Filter"))
        {
            var name = filter.GetValueOrDefault("Name") ?? string.Empty;
            var values = filter.Where(p => p.Key.StartsWith("Value.", StringComparison.Ordinal)).Select(p => p.Value).ToList();
            IEnumerable<string> actual;
            if (name.StartsWith("tag:", StringComparison.Ordinal))
            {
                actual = tags.Where(t => t.Key == name[4..]).Select(t => t.Value);
            }
            else if (name == "tag-key")
            {
                actual = tags.Select(t => t.Key);
            }
            else if (fields.TryGetValue(name, out var f))
            {
                actual = f;
            }
            else
            {
                throw new ServiceException("InvalidParameterValue", $"The filter '{name}' is invalid");
            }

            if (!actual.Any(a => values.Any(v => Wildcard(v, a))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Wildcard(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static List<XElement> Paged<T>(QueryInput input, List<T> items, string setName, Func<T, object?[]> render)
    {
        var max = input.Int("MaxResults");
        if (max is < 5 or > 1000)
        {
            throw new ServiceException("InvalidParameterValue", $"Value ( {max} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
        }

        var (page, next) = Paging.Page(items, input.Get("NextToken"), max ?? 1000, "InvalidParameterValue");
        var result = new List<XElement> { List(setName, "item", page, render) };
        if (next is not null)
        {
            result.Add(E("nextToken", next));
        }

        return result;
    }
}
