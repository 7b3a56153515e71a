namespace Portal.Core.Templates;

/// <summary>A 1-based line and column in a template's text; <see cref="None"/> for values that did not come from text.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition None = new(0, 0);

    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"{Line}:{Column}" : "-";
}
