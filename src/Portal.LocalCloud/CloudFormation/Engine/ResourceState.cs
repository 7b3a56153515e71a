using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>What the engine knows of a provisioned resource: <c>Ref</c> value and <c>Fn::GetAtt</c> attributes.</summary>
public sealed record ResourceState(string Type, string PhysicalId, IReadOnlyDictionary<string, JsonNode?> Attributes);
