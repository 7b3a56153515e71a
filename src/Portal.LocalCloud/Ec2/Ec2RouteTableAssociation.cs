namespace Portal.LocalCloud.Ec2;

/// <summary>The association of a route table with a subnet, or the VPC's main association (no subnet).</summary>
public sealed class Ec2RouteTableAssociation
{
    public required string AssociationId { get; init; }

    public string? SubnetId { get; init; }

    public bool Main { get; init; }
}
