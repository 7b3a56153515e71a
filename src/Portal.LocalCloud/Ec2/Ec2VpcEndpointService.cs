using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ec2;

/// <summary>An endpoint service (PrivateLink) in front of Network or Gateway Load Balancers.</summary>
public sealed class Ec2VpcEndpointService
{
    public required string ServiceId { get; init; }

    public required string ServiceName { get; init; }

    public bool AcceptanceRequired { get; set; }

    public List<string> NetworkLoadBalancerArns { get; set; } = [];

    public List<string> GatewayLoadBalancerArns { get; set; } = [];

    public List<Tag> Tags { get; set; } = [];
}
