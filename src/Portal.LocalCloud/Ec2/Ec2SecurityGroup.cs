using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ec2;

/// <summary>A security group with its rules.</summary>
public sealed class Ec2SecurityGroup
{
    public required string GroupId { get; init; }

    public required string GroupName { get; init; }

    public required string Description { get; init; }

    public required string VpcId { get; init; }

    public List<Ec2Permission> Ingress { get; set; } = [];

    public List<Ec2Permission> Egress { get; set; } = [];

    public List<Tag> Tags { get; set; } = [];
}
