using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ec2;

/// <summary>A VPC endpoint (Interface or Gateway).</summary>
public sealed class Ec2VpcEndpoint
{
    public required string VpcEndpointId { get; init; }

    public required string VpcId { get; init; }

    public required string ServiceName { get; init; }

    public string VpcEndpointType { get; init; } = "Interface";

    public string State { get; set; } = "available";

    public string? PolicyDocument { get; set; }

    public List<string> SubnetIds { get; set; } = [];

    public List<string> SecurityGroupIds { get; set; } = [];

    public List<string> RouteTableIds { get; set; } = [];

    public bool PrivateDnsEnabled { get; set; }

    public DateTimeOffset CreationTimestamp { get; init; }

    public List<Tag> Tags { get; set; } = [];
}
