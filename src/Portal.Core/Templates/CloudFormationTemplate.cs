namespace Portal.Core.Templates;

/// <summary>The parsed model of a CloudFormation template. Every node keeps its line and column.</summary>
public sealed record CloudFormationTemplate
{
    public required TemplateMapping Root { get; init; }

    public string? FileName { get; init; }

    public string? FormatVersion { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Transforms { get; init; } = [];

    public IReadOnlyList<TemplateParameter> Parameters { get; init; } = [];

    public IReadOnlyList<ParameterGroup> ParameterGroups { get; init; } = [];

    public IReadOnlyDictionary<string, string> ParameterLabels { get; init; } = new Dictionary<string, string>();

    public TemplateMapping Mappings { get; init; } = TemplateMapping.Empty;

    public IReadOnlyList<TemplateCondition> Conditions { get; init; } = [];

    public IReadOnlyList<TemplateRule> Rules { get; init; } = [];

    public IReadOnlyList<TemplateResource> Resources { get; init; } = [];

    public IReadOnlyList<TemplateOutput> Outputs { get; init; } = [];

    /// <summary>SHA-256 (lower-case hex) of the canonical form: equal for the same content in YAML or JSON.</summary>
    public required string Fingerprint { get; init; }

    public TemplateParameter? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    public TemplateResource? FindResource(string logicalId) => Resources.FirstOrDefault(r => r.LogicalId == logicalId);

    public TemplateCondition? FindCondition(string name) => Conditions.FirstOrDefault(c => c.Name == name);
}
