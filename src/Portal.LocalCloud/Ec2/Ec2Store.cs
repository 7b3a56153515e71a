using System.Net;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ec2;

/// <summary>
/// EC2 networking of one account and region: VPCs, subnets, security groups, VPC endpoints and (in
/// <c>Ec2Store.Routing.cs</c>) route tables, gateways and Elastic IPs.
/// Like AWS, every region has a default VPC (172.31.0.0/16) with one default subnet per zone and a
/// default security group; they are created on first use. The CloudFormation engine adds resources
/// through the <c>Create…</c> methods.
/// </summary>
public sealed partial class Ec2Store
{
    public bool DefaultsCreated { get; set; }

    public List<Ec2Vpc> Vpcs { get; set; } = [];

    public List<Ec2Subnet> Subnets { get; set; } = [];

    public List<Ec2SecurityGroup> SecurityGroups { get; set; } = [];

    public List<Ec2VpcEndpoint> VpcEndpoints { get; set; } = [];

    public static IReadOnlyList<string> Zones(string region) => [region + "a", region + "b", region + "c"];

    /// <summary>Creates the default VPC, subnets and security group once; true when it did (persist then).</summary>
    public bool EnsureDefaults(string region)
    {
        if (DefaultsCreated)
        {
            return false;
        }

        DefaultsCreated = true;
        var vpc = CreateVpc("172.31.0.0/16", [], isDefault: true);
        var gateway = CreateInternetGateway([]);
        AttachInternetGateway(gateway.InternetGatewayId, vpc.VpcId);
        CreateRoute(MainRouteTable(vpc.VpcId).RouteTableId, "0.0.0.0/0", gateway.InternetGatewayId, null);
        var index = 0;
        foreach (var zone in Zones(region))
        {
            Subnets.Add(new Ec2Subnet
            {
                SubnetId = IdGenerator.HexId("subnet-", 17),
                VpcId = vpc.VpcId,
                CidrBlock = $"172.31.{index * 16}.0/20",
                AvailabilityZone = zone,
                DefaultForAz = true,
                MapPublicIpOnLaunch = true,
            });
            index++;
        }

        return true;
    }

    public Ec2Vpc CreateVpc(string cidrBlock, IReadOnlyList<Tag> tags, bool isDefault = false)
    {
        ValidateCidr(cidrBlock, 16, 28);
        var vpc = new Ec2Vpc { VpcId = IdGenerator.HexId("vpc-", 17), CidrBlock = cidrBlock, IsDefault = isDefault, Tags = [.. tags] };
        Vpcs.Add(vpc);
        SecurityGroups.Add(new Ec2SecurityGroup
        {
            GroupId = IdGenerator.HexId("sg-", 17),
            GroupName = "default",
            Description = "default VPC security group",
            VpcId = vpc.VpcId,
            Egress = [new Ec2Permission("-1", null, null, ["0.0.0.0/0"], [])],
        });
        SecurityGroups[^1].Ingress.Add(new Ec2Permission("-1", null, null, [], [SecurityGroups[^1].GroupId]));
        AddRouteTable(vpc, main: true, []);
        return vpc;
    }

    public Ec2Subnet CreateSubnet(string region, string vpcId, string cidrBlock, string? availabilityZone, IReadOnlyList<Tag> tags)
    {
        var vpc = Vpc(vpcId);
        ValidateCidr(cidrBlock, 16, 28);
        if (!Contains(vpc.CidrBlock, cidrBlock))
        {
            throw new ServiceException("InvalidSubnet.Range", $"The CIDR '{cidrBlock}' is invalid.");
        }

        if (Subnets.Any(s => s.VpcId == vpcId && (Contains(s.CidrBlock, cidrBlock) || Contains(cidrBlock, s.CidrBlock))))
        {
            throw new ServiceException("InvalidSubnet.Conflict", $"The CIDR '{cidrBlock}' conflicts with another subnet");
        }

        var zone = availabilityZone ?? Zones(region)[0];
        if (!Zones(region).Contains(zone))
        {
            throw new ServiceException("InvalidParameterValue", $"Value ({zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: {string.Join(", ", Zones(region))}.");
        }

        var subnet = new Ec2Subnet { SubnetId = IdGenerator.HexId("subnet-", 17), VpcId = vpcId, CidrBlock = cidrBlock, AvailabilityZone = zone, Tags = [.. tags] };
        Subnets.Add(subnet);
        return subnet;
    }

    public Ec2SecurityGroup CreateSecurityGroup(string vpcId, string groupName, string description, IReadOnlyList<Tag> tags)
    {
        Vpc(vpcId);
        if (groupName.Length is < 1 or > 255 || groupName.StartsWith("sg-", StringComparison.OrdinalIgnoreCase))
        {
            throw new ServiceException("InvalidParameterValue", $"Invalid value '{groupName}' for groupName.");
        }

        if (SecurityGroups.Any(g => g.VpcId == vpcId && g.GroupName == groupName))
        {
            throw new ServiceException("InvalidGroup.Duplicate", $"The security group '{groupName}' already exists for VPC '{vpcId}'");
        }

        var group = new Ec2SecurityGroup
        {
            GroupId = IdGenerator.HexId("sg-", 17),
            GroupName = groupName,
            Description = description,
            VpcId = vpcId,
            Egress = [new Ec2Permission("-1", null, null, ["0.0.0.0/0"], [])],
            Tags = [.. tags],
        };
        SecurityGroups.Add(group);
        return group;
    }

    public Ec2VpcEndpoint CreateVpcEndpoint(string vpcId, string serviceName, string type, IReadOnlyList<string> subnetIds, IReadOnlyList<string> groupIds, IReadOnlyList<string> routeTableIds, string? policy, bool privateDns, IReadOnlyList<Tag> tags, DateTimeOffset now)
    {
        Vpc(vpcId);
        foreach (var subnetId in subnetIds)
        {
            _ = Subnets.FirstOrDefault(s => s.SubnetId == subnetId) ?? throw new ServiceException("InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist");
        }

        foreach (var groupId in groupIds)
        {
            _ = SecurityGroups.FirstOrDefault(g => g.GroupId == groupId) ?? throw new ServiceException("InvalidGroup.NotFound", $"The security group '{groupId}' does not exist");
        }

        var endpoint = new Ec2VpcEndpoint
        {
            VpcEndpointId = IdGenerator.HexId("vpce-", 17),
            VpcId = vpcId,
            ServiceName = serviceName,
            VpcEndpointType = type,
            SubnetIds = [.. subnetIds],
            SecurityGroupIds = [.. groupIds],
            RouteTableIds = [.. routeTableIds],
            PolicyDocument = policy ?? """{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""",
            PrivateDnsEnabled = privateDns,
            CreationTimestamp = now,
            Tags = [.. tags],
        };
        VpcEndpoints.Add(endpoint);
        return endpoint;
    }

    /// <summary>ModifyVpcEndpoint: new subnets, security groups, route tables, policy and private DNS (each must exist).</summary>
    public Ec2VpcEndpoint ModifyVpcEndpoint(string endpointId, IReadOnlyList<string> subnetIds, IReadOnlyList<string> groupIds, IReadOnlyList<string> routeTableIds, string? policy, bool privateDns)
    {
        var endpoint = VpcEndpoints.FirstOrDefault(e => e.VpcEndpointId == endpointId)
            ?? throw new ServiceException("InvalidVpcEndpointId.NotFound", $"The Vpc Endpoint Id '{endpointId}' does not exist");
        foreach (var subnetId in subnetIds)
        {
            _ = Subnets.FirstOrDefault(s => s.SubnetId == subnetId) ?? throw new ServiceException("InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist");
        }

        foreach (var groupId in groupIds)
        {
            _ = SecurityGroups.FirstOrDefault(g => g.GroupId == groupId) ?? throw new ServiceException("InvalidGroup.NotFound", $"The security group '{groupId}' does not exist");
        }

        endpoint.SubnetIds = [.. subnetIds];
        endpoint.SecurityGroupIds = [.. groupIds];
        endpoint.RouteTableIds = [.. routeTableIds];
        endpoint.PolicyDocument = policy ?? """{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""";
        endpoint.PrivateDnsEnabled = privateDns;
        return endpoint;
    }

    public Ec2Vpc Vpc(string vpcId) =>
        Vpcs.FirstOrDefault(v => v.VpcId == vpcId) ?? throw new ServiceException("InvalidVpcID.NotFound", $"The vpc ID '{vpcId}' does not exist");

    private static void ValidateCidr(string cidr, int minPrefix, int maxPrefix)
    {
        var parts = cidr.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix) || prefix < minPrefix || prefix > maxPrefix)
        {
            throw new ServiceException("InvalidParameterValue", $"Value ({cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.");
        }
    }

    private static bool Contains(string outer, string inner)
    {
        var (outerBase, outerPrefix) = Parse(outer);
        var (innerBase, innerPrefix) = Parse(inner);
        if (innerPrefix < outerPrefix)
        {
            return false;
        }

        var mask = outerPrefix == 0 ? 0u : uint.MaxValue << (32 - outerPrefix);
        return (outerBase & mask) == (innerBase & mask);
    }

    private static (uint Base, int Prefix) Parse(string cidr)
    {
        var parts = cidr.Split('/');
        var bytes = IPAddress.Parse(parts[0]).GetAddressBytes();
        return (((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
