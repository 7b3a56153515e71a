namespace Portal.Core.Guardrails;

/// <summary>What is known about a property's value after intrinsics are resolved.</summary>
public enum ResolvedValueKind
{
    /// <summary>A concrete scalar, list or mapping.</summary>
    Literal,

    /// <summary>The property is not set (or is <c>AWS::NoValue</c>), so the service default applies.</summary>
    Absent,

    /// <summary>Set, but computed at deploy time (<c>!Sub</c>, <c>!GetAtt</c>, a free-text parameter, …).</summary>
    Computed,
}
