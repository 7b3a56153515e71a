using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>One entry of a template's <c>Rules</c> section (also the body of a Service Catalog TEMPLATE constraint).</summary>
public sealed record RuleDeclaration(string Name, JsonNode? RuleCondition, IReadOnlyList<RuleAssertion> Assertions);
