namespace Portal.Core.Parameters;

/// <summary>A security group of a project network.</summary>
public sealed record SecurityGroupInfo(string GroupId, string GroupName, string? VpcId, string? Description);
