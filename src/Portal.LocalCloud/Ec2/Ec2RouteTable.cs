using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ec2;

/// <summary>A route table of a VPC: its routes and its subnet (or main) associations.</summary>
public sealed class Ec2RouteTable
{
    public required string RouteTableId { get; init; }

    public required string VpcId { get; init; }

    public List<Ec2Route> Routes { get; set; } = [];

    public List<Ec2RouteTableAssociation> Associations { get; set; } = [];

    public List<Tag> Tags { get; set; } = [];
}
