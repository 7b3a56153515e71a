namespace Portal.Core.Templates;

/// <summary>A list of values.</summary>
public sealed class TemplateSequence : TemplateValue
{
    public TemplateSequence(IReadOnlyList<TemplateValue> items, SourcePosition position)
        : base(position) => Items = items;

    public IReadOnlyList<TemplateValue> Items { get; }

    public override string Describe() => $"[{string.Join(", ", Items.Take(5).Select(i => i.Describe()))}{(Items.Count > 5 ? ", …" : "")}]";
}
