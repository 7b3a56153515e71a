namespace Portal.Core.Templates;

/// <summary>Bounds that keep analysis fast and memory-safe on hostile input.</summary>
public sealed record TemplateLimits
{
    /// <summary>CloudFormation's own limit for a template body stored in S3: 1 MB.</summary>
    public int MaxBytes { get; init; } = 1_048_576;

    /// <summary>Deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most nodes the document may hold once every alias is expanded (stops "billion laughs").</summary>
    public int MaxExpandedNodes { get; init; } = 2_000_000;

    public static TemplateLimits Default { get; } = new();
}
