namespace Portal.Core.Templates;

/// <summary>A scalar: text, number, boolean or null, kept as the text the author wrote.</summary>
public sealed class TemplateScalar : TemplateValue
{
    public TemplateScalar(string value, bool isQuoted, SourcePosition position)
        : base(position)
    {
        Value = value;
        IsQuoted = isQuoted;
    }

    public string Value { get; }

    /// <summary>True when the author quoted the scalar (so <c>"true"</c> is text, not a boolean).</summary>
    public bool IsQuoted { get; }

    /// <summary>An unquoted <c>null</c>, <c>~</c> or empty scalar.</summary>
    public bool IsNull => !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public bool IsTrue => string.Equals(Value, "true", StringComparison.OrdinalIgnoreCase);

    public bool IsFalse => string.Equals(Value, "false", StringComparison.OrdinalIgnoreCase);

    public override string Describe() => IsNull ? "null" : $"\"{Value}\"";
}
