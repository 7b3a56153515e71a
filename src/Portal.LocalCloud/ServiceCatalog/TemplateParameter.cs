namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>A CloudFormation template parameter as Service Catalog describes it.</summary>
public sealed record TemplateParameter
{
    public required string Key { get; init; }

    public string Type { get; init; } = "String";

    public string? Default { get; init; }

    public string? Description { get; init; }

    public bool NoEcho { get; init; }

    public IReadOnlyList<string>? AllowedValues { get; init; }

    public string? AllowedPattern { get; init; }

    public string? ConstraintDescription { get; init; }

    public string? MinLength { get; init; }

    public string? MaxLength { get; init; }

    public string? MinValue { get; init; }

    public string? MaxValue { get; init; }
}
