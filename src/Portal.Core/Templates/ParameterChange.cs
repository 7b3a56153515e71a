namespace Portal.Core.Templates;

/// <summary>A parameter added, removed or modified; <see cref="Details"/> lists what changed in plain words.</summary>
public sealed record ParameterChange(string Name, ChangeKind Kind, IReadOnlyList<string> Details, string? SecurityReason)
{
    public bool IsSecurityRelevant => SecurityReason is not null;
}
