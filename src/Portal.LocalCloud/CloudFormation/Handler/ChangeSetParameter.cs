namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>A parameter of a change set (<c>ParameterValue</c> or <c>UsePreviousValue</c>).</summary>
public sealed record ChangeSetParameter(string Key, string? Value, bool UsePreviousValue);
