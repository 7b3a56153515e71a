using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ec2;

/// <summary>A VPC.</summary>
public sealed class Ec2Vpc
{
    public required string VpcId { get; init; }

    public required string CidrBlock { get; init; }

    public bool IsDefault { get; init; }

    public string State { get; set; } = "available";

    public List<Tag> Tags { get; set; } = [];
}
