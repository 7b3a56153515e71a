using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>A resource of a resolved template, as the update planner compares it.</summary>
public sealed record PlannedResource(string LogicalId, string Type, JsonObject Properties);
