namespace Portal.Core.Templates;

/// <summary>One changed property; values are canonical JSON (null when absent on that side).</summary>
public sealed record PropertyChange(string Path, string? Before, string? After, string? SecurityReason)
{
    public bool IsSecurityRelevant => SecurityReason is not null;
}
