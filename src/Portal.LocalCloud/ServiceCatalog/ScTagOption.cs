namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>A tag option (key/value offered to users at launch).</summary>
public sealed class ScTagOption
{
    public required string Id { get; init; }

    public required string Key { get; init; }

    public required string Value { get; init; }

    public bool Active { get; set; } = true;

    public required string Owner { get; init; }
}
