using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>A resource held by <see cref="InMemoryResourceProvisioner"/>.</summary>
public sealed record ProvisionedResource(string Type, string LogicalId, string Name, ResourceIdentity Identity, JsonObject Properties);
