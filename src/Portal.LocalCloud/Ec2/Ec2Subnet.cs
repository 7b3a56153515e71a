using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ec2;

/// <summary>A subnet in a VPC and availability zone.</summary>
public sealed class Ec2Subnet
{
    public required string SubnetId { get; init; }

    public required string VpcId { get; init; }

    public required string CidrBlock { get; init; }

    public required string AvailabilityZone { get; init; }

    public bool DefaultForAz { get; init; }

    public bool MapPublicIpOnLaunch { get; set; }

    public List<Tag> Tags { get; set; } = [];
}
