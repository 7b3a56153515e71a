namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>A resource of a type LocalCloud models only as a record: type, name, generated id and physical id.</summary>
public sealed record CfnRecord(string Type, string Name, string Id, string PhysicalId, DateTimeOffset CreatedAt);
