namespace Portal.Core.Templates;

/// <summary>A node of a template's value tree: scalar, sequence, mapping or intrinsic function call.</summary>
public abstract class TemplateValue
{
    protected TemplateValue(SourcePosition position) => Position = position;

    /// <summary>Where the node starts in the template text.</summary>
    public SourcePosition Position { get; }

    /// <summary>Plain-text description for messages, e.g. <c>!Ref InternetAccess</c> or <c>"Enabled"</c>.</summary>
    public abstract string Describe();
}
