using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// A parameter after validation. <see cref="SuppliedValue"/> is what the caller gave (for SSM types the parameter
/// name), <see cref="Value"/> what <c>Ref</c> returns: a string, or a list for list types.
/// </summary>
public sealed record ResolvedParameter(ParameterDeclaration Declaration, string SuppliedValue, JsonNode Value, string? ResolvedValue)
{
    public string Name => Declaration.Name;

    /// <summary>The value DescribeStacks shows: <c>****</c> for NoEcho.</summary>
    public string DisplayValue => Declaration.NoEcho ? "****" : SuppliedValue;
}
