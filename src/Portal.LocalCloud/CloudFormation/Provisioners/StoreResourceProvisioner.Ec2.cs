using System.Globalization;
using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Ec2;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.CloudFormation.Provisioners;

/// <summary>VPCs, subnets, security groups (and their rules) and VPC endpoints in the EC2 store.</summary>
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
            string.Equals(Str(p, "PrivateDnsEnabled"), "true", StringComparison.OrdinalIgnoreCase),
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
                if (ec2.Subnets.Any(s => s.VpcId == id) || ec2.SecurityGroups.Any(g => g.VpcId == id && g.GroupName != "default") || ec2.VpcEndpoints.Any(e => e.VpcId == id))
                {
                    return ProvisioningResult.Failure($"The vpc '{id}' has dependencies and cannot be deleted.", "GeneralServiceException");
                }

                ec2.SecurityGroups.RemoveAll(g => g.VpcId == id);
                ec2.Vpcs.RemoveAll(v => v.VpcId == id);
                break;
            case "AWS::EC2::Subnet":
                ec2.Subnets.RemoveAll(s => s.SubnetId == id);
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
