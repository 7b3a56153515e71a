namespace Portal.Core.Templates;

/// <summary>A declared template parameter with its constraints.</summary>
public sealed record TemplateParameter(string Name, string Type, SourcePosition Position)
{
    public string? Default { get; init; }

    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    public string? AllowedPattern { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public decimal? MinValue { get; init; }

    public decimal? MaxValue { get; init; }

    public bool NoEcho { get; init; }

    public string? Description { get; init; }

    public string? ConstraintDescription { get; init; }

    /// <summary>True for <c>CommaDelimitedList</c>, <c>List&lt;…&gt;</c> and SSM list types.</summary>
    public bool IsList => Type == "CommaDelimitedList" || Type.StartsWith("List<", StringComparison.Ordinal)
        || Type.StartsWith("AWS::SSM::Parameter::Value<List<", StringComparison.Ordinal)
        || Type == "AWS::SSM::Parameter::Value<CommaDelimitedList>";

    /// <summary>True for <c>Number</c> and <c>List&lt;Number&gt;</c>.</summary>
    public bool IsNumber => Type is "Number" or "List<Number>";
}
