using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>One resource of a stack as DescribeStackResources shows it, plus what later operations need.</summary>
public sealed record StackResource(
    string LogicalId,
    string Type,
    string? PhysicalId,
    string Status,
    string? StatusReason,
    DateTimeOffset LastUpdated,
    JsonObject Properties,
    IReadOnlyDictionary<string, JsonNode?> Attributes,
    IReadOnlySet<string> DependsOn)
{
    public string? DeletionPolicy { get; init; }

    public ResourceState ToState() => new(Type, PhysicalId ?? string.Empty, Attributes);
}
