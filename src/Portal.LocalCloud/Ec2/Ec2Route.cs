namespace Portal.LocalCloud.Ec2;

/// <summary>
/// One route of a route table: an IPv4 destination and its target (an internet gateway or VPC endpoint in
/// <see cref="GatewayId"/>, "local" for the VPC's own range, or a NAT gateway).
/// </summary>
public sealed class Ec2Route
{
    public required string DestinationCidrBlock { get; init; }

    public string? GatewayId { get; set; }

    public string? NatGatewayId { get; set; }

    /// <summary>CreateRouteTable for the local route, CreateRoute for the others.</summary>
    public string Origin { get; init; } = "CreateRoute";
}
