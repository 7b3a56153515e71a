using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ssm;

/// <summary>A Parameter Store parameter (current version only).</summary>
public sealed class SsmParameter
{
    public required string Name { get; init; }

    public required string Type { get; set; }

    public required string Value { get; set; }

    public long Version { get; set; } = 1;

    public DateTimeOffset LastModifiedDate { get; set; }

    public string? Description { get; set; }

    public string? KeyId { get; set; }

    public string? AllowedPattern { get; set; }

    public string Tier { get; set; } = "Standard";

    public string DataType { get; set; } = "text";

    public string? LastModifiedUser { get; set; }

    public List<Tag> Tags { get; set; } = [];
}
