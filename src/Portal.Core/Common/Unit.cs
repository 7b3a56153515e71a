namespace Portal.Core.Common;

/// <summary>The value of an operation that succeeds with nothing to return.</summary>
public readonly record struct Unit
{
    public static readonly Unit Value;
}
