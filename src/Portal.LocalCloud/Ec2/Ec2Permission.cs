namespace Portal.LocalCloud.Ec2;

/// <summary>One security group rule: protocol, port range, CIDR ranges and referenced groups.</summary>
public sealed record Ec2Permission(string IpProtocol, int? FromPort, int? ToPort, IReadOnlyList<string> CidrIps, IReadOnlyList<string> GroupIds);
