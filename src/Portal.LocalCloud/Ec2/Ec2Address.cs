using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ec2;

/// <summary>An Elastic IP address of the vpc domain; a NAT gateway that uses it is its association.</summary>
public sealed class Ec2Address
{
    public required string AllocationId { get; init; }

    public required string PublicIp { get; init; }

    public string Domain { get; init; } = "vpc";

    public List<Tag> Tags { get; set; } = [];
}
