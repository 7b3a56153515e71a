using Amazon.EC2.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>Security group rules from the group's own properties and from separate ingress/egress resources, across stack updates.</summary>
public sealed class SecurityGroupRuleTests : LocalCloudTest
{
    [Fact]
    public async Task Updating_a_groups_inline_rules_keeps_the_rules_of_separate_ingress_and_egress_resources()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        await cfn.CreateStackAsync("group-rules", Template(inlinePort: "443", inlineEgressPort: "443"));
        var created = await cfn.StatusAsync("group-rules");
        Assert.True(created == "CREATE_COMPLETE", created + "\n" + await cfn.FailuresAsync("group-rules"));
        var groupId = await cfn.PhysicalIdAsync("group-rules", "Group");

        await cfn.UpdateStackAsync("group-rules", Template(inlinePort: "8443", inlineEgressPort: "5432"));
        var updated = await cfn.StatusAsync("group-rules");
        using var ec2 = SdkClients.Ec2(Server.Endpoint);
        var group = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] }, Ct)).SecurityGroups.Single();

        Assert.True(updated == "UPDATE_COMPLETE", updated + "\n" + await cfn.FailuresAsync("group-rules"));
        Assert.Equal([("tcp", 22, "10.0.0.0/16"), ("tcp", 8443, "10.1.0.0/16")], Rules(group.IpPermissions));
        Assert.Equal([("tcp", 5432, "10.1.0.0/16"), ("tcp", 6379, "10.2.0.0/16")], Rules(group.IpPermissionsEgress));
    }

    [Fact]
    public async Task Giving_a_group_its_own_egress_rules_drops_only_the_default_allow_all_rule()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        var withoutEgress = Template(inlinePort: "443", inlineEgressPort: "443").Replace(
            "      SecurityGroupEgress:\n        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.1.0.0/16 }\n", string.Empty, StringComparison.Ordinal);
        await cfn.CreateStackAsync("group-egress", withoutEgress);
        var groupId = await cfn.PhysicalIdAsync("group-egress", "Group");
        using var ec2 = SdkClients.Ec2(Server.Endpoint);
        var before = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] }, Ct)).SecurityGroups.Single();

        await cfn.UpdateStackAsync("group-egress", Template(inlinePort: "443", inlineEgressPort: "5432"));
        var updated = await cfn.StatusAsync("group-egress");
        var after = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] }, Ct)).SecurityGroups.Single();

        Assert.DoesNotContain("SecurityGroupEgress:", withoutEgress, StringComparison.Ordinal);
        Assert.Equal([("-1", null, "0.0.0.0/0"), ("tcp", 6379, "10.2.0.0/16")], Rules(before.IpPermissionsEgress));
        Assert.True(updated == "UPDATE_COMPLETE", updated + "\n" + await cfn.FailuresAsync("group-egress"));
        Assert.Equal([("tcp", 5432, "10.1.0.0/16"), ("tcp", 6379, "10.2.0.0/16")], Rules(after.IpPermissionsEgress));
    }

    private static List<(string Protocol, int? Port, string Cidr)> Rules(IEnumerable<IpPermission>? permissions) =>
        (permissions ?? []).SelectMany(p => (p.Ipv4Ranges ?? []).Select(r => (p.IpProtocol, p.FromPort, r.CidrIp))).Order().ToList();

    private static string Template(string inlinePort, string inlineEgressPort) => $$"""
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: 10.0.0.0/16 }
          Group:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: rules from two sources
              VpcId: !Ref Vpc
              SecurityGroupIngress:
                - { IpProtocol: tcp, FromPort: {{inlinePort}}, ToPort: {{inlinePort}}, CidrIp: 10.1.0.0/16 }
              SecurityGroupEgress:
                - { IpProtocol: tcp, FromPort: {{inlineEgressPort}}, ToPort: {{inlineEgressPort}}, CidrIp: 10.1.0.0/16 }
          SshFromVpc:
            Type: AWS::EC2::SecurityGroupIngress
            Properties: { GroupId: !Ref Group, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/16 }
          RedisOut:
            Type: AWS::EC2::SecurityGroupEgress
            Properties: { GroupId: !GetAtt Group.GroupId, IpProtocol: tcp, FromPort: 6379, ToPort: 6379, CidrIp: 10.2.0.0/16 }
        """;
}
