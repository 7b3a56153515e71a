namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>A parameter as the caller supplies it (CreateStack/UpdateStack <c>Parameters.member.N</c>).</summary>
public sealed record ParameterInput(string Key, string? Value, bool UsePreviousValue = false);
