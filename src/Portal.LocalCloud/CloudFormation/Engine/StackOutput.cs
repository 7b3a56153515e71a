namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>One evaluated stack output.</summary>
public sealed record StackOutput(string OutputKey, string OutputValue, string? Description, string? ExportName);
