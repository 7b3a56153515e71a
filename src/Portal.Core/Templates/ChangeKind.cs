namespace Portal.Core.Templates;

/// <summary>How an item differs between two template versions.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Modified,
}
