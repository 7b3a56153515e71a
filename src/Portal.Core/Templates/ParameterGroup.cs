namespace Portal.Core.Templates;

/// <summary>A group from <c>Metadata.AWS::CloudFormation::Interface.ParameterGroups</c>.</summary>
public sealed record ParameterGroup(string Label, IReadOnlyList<string> Parameters);
