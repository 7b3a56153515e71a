using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>A serialisable copy of one <see cref="ResolvedParameter"/> (its declaration comes from the template).</summary>
public sealed record ParameterState(string Name, string SuppliedValue, JsonNode Value, string? ResolvedValue);
