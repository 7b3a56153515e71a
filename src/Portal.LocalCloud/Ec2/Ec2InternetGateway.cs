using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ec2;

/// <summary>An internet gateway, attached to at most one VPC.</summary>
public sealed class Ec2InternetGateway
{
    public required string InternetGatewayId { get; init; }

    public string? AttachedVpcId { get; set; }

    public List<Tag> Tags { get; set; } = [];
}
