namespace Portal.Core.Templates;

/// <summary>One launch-form field, derived from a template parameter and narrowed by constraint rules.</summary>
public sealed record ParameterFormField(string Name, string Type, ParameterControlKind Kind, string Label)
{
    public string? Group { get; init; }

    public string? HelpText { get; init; }

    public string? Default { get; init; }

    /// <summary>The values the user may pick (after constraint rules narrowed them); empty = any value.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>A value fixed by a constraint rule; the form shows it read-only.</summary>
    public string? PinnedValue { get; init; }

    public string? AllowedPattern { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public decimal? MinValue { get; init; }

    public decimal? MaxValue { get; init; }

    public string? ConstraintDescription { get; init; }

    /// <summary>NoEcho: the value is a secret; never display or log it.</summary>
    public bool IsSecret { get; init; }

    public bool IsReadOnly => PinnedValue is not null;

    /// <summary>The default to pre-fill in the form: never the default of a secret (NoEcho) field.</summary>
    public string? DisplayDefault => IsSecret ? null : Default;

    /// <summary>True when the user must enter a value (no default and not pinned).</summary>
    public bool IsRequired => Default is null && PinnedValue is null;

    public bool IsList => Kind is ParameterControlKind.List or ParameterControlKind.NumberList or ParameterControlKind.MultiSelect;
}
