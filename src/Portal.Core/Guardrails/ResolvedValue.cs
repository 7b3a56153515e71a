using Portal.Core.Templates;

namespace Portal.Core.Guardrails;

/// <summary>One possible value of a property, with where it comes from.</summary>
/// <param name="Kind">Literal, absent or computed.</param>
/// <param name="Value">The literal node (for <see cref="ResolvedValueKind.Literal"/>).</param>
/// <param name="Path">The concrete property path, e.g. <c>SecurityGroupIngress[1].CidrIp</c>.</param>
/// <param name="Position">Where to point the author: the property, or the nearest written ancestor when absent.</param>
/// <param name="Origin">How the value was reached, e.g. <c>parameter 'InternetAccess' allows it</c>; null when written directly.</param>
/// <param name="Parameter">The parameter the value comes from, when it does.</param>
/// <param name="ReferencedResource">For Ref/GetAtt of a resource: its logical id.</param>
public sealed record ResolvedValue(
    ResolvedValueKind Kind,
    TemplateValue? Value,
    string Path,
    SourcePosition Position,
    string? Origin = null,
    string? Parameter = null,
    string? ReferencedResource = null)
{
    /// <summary>The scalar text of a literal, or null.</summary>
    public string? Text => Value is TemplateScalar { IsNull: false } scalar ? scalar.Value : null;

    /// <summary>A short explanation to append to messages: " (parameter 'X' allows it)".</summary>
    public string OriginSuffix => Origin is null ? string.Empty : $" ({Origin})";
}
