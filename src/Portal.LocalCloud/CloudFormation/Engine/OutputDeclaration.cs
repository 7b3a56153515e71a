using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>One entry of a template's <c>Outputs</c> section, unevaluated.</summary>
public sealed record OutputDeclaration(string Name, JsonNode? Value, string? Description, JsonNode? ExportName, string? Condition);
