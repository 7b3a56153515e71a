using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ec2;

/// <summary>A zonal NAT gateway in a subnet; a public one holds an Elastic IP allocation.</summary>
public sealed class Ec2NatGateway
{
    public required string NatGatewayId { get; init; }

    public required string SubnetId { get; init; }

    public required string VpcId { get; init; }

    public string ConnectivityType { get; init; } = "public";

    public string? AllocationId { get; init; }

    public required string NetworkInterfaceId { get; init; }

    public required string PrivateIp { get; init; }

    public string State { get; set; } = "available";

    public DateTimeOffset CreateTime { get; init; }

    public List<Tag> Tags { get; set; } = [];
}
