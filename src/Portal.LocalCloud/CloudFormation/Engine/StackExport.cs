namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>One ListExports entry.</summary>
public sealed record StackExport(string Name, string Value, string ExportingStackId);
