using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>One entry of a template's <c>Resources</c> section, unevaluated.</summary>
public sealed record ResourceDeclaration(
    string LogicalId,
    string Type,
    JsonObject Properties,
    IReadOnlyList<string> DependsOn,
    string? Condition,
    string? DeletionPolicy,
    string? UpdateReplacePolicy);
