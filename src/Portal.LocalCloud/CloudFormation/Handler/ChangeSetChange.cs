namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>One resource change of a change set: Add, Modify (Replacement True/False) or Remove.</summary>
public sealed record ChangeSetChange(string Action, string LogicalResourceId, string? PhysicalResourceId, string ResourceType, string? Replacement, IReadOnlyList<string> Scope);
