using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>A serialisable copy of one <see cref="StackResource"/>.</summary>
public sealed record StackResourceState(
    string LogicalId,
    string Type,
    string? PhysicalId,
    string Status,
    string? StatusReason,
    DateTimeOffset LastUpdated,
    JsonObject Properties,
    IReadOnlyDictionary<string, JsonNode?> Attributes,
    IReadOnlyList<string> DependsOn,
    string? DeletionPolicy);
