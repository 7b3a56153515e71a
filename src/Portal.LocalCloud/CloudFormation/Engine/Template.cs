using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>A parsed, structurally validated CloudFormation template. Produced by <see cref="TemplateParser"/>.</summary>
public sealed record Template(
    string Body,
    JsonObject Root,
    string? Description,
    IReadOnlyList<ParameterDeclaration> Parameters,
    JsonObject Mappings,
    JsonObject Conditions,
    IReadOnlyList<RuleDeclaration> Rules,
    IReadOnlyList<ResourceDeclaration> Resources,
    IReadOnlyList<OutputDeclaration> Outputs,
    IReadOnlyList<string> Transforms)
{
    public ResourceDeclaration? FindResource(string logicalId) =>
        Resources.FirstOrDefault(r => string.Equals(r.LogicalId, logicalId, StringComparison.Ordinal));

    public ParameterDeclaration? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
