using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>One <c>Assertions</c> entry of a rule.</summary>
public sealed record RuleAssertion(JsonNode? Assert, string? AssertDescription);
