namespace Portal.Core.Parameters;

/// <summary>A subnet of a project network.</summary>
public sealed record SubnetInfo(string SubnetId, string VpcId, string? AvailabilityZone, string? CidrBlock, bool MapPublicIpOnLaunch);
