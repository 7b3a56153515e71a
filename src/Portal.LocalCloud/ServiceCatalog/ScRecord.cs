using Portal.LocalCloud.State;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>
/// A provisioning record (PROVISION_PRODUCT, UPDATE_PROVISIONED_PRODUCT, TERMINATE_PROVISIONED_PRODUCT).
/// The engine's outcome is stored with the time it takes effect, so the status follows the lifecycle
/// clock and survives restarts.
/// </summary>
public sealed class ScRecord
{
    public required string Id { get; init; }

    public required string RecordType { get; init; }

    public required string ProvisionedProductId { get; init; }

    public required string ProvisionedProductName { get; init; }

    public string Status { get; set; } = "CREATED";

    public DateTimeOffset CreatedTime { get; init; }

    public DateTimeOffset UpdatedTime { get; set; }

    public required string ProductId { get; init; }

    public required string ProvisioningArtifactId { get; init; }

    public string? PathId { get; init; }

    public string? LaunchRoleArn { get; init; }

    public required string UserArn { get; init; }

    public string? RoleArn { get; init; }

    public required string Token { get; init; }

    public List<Tag> Tags { get; set; } = [];

    /// <summary>The parameters this record provisions with (after UsePreviousValue and defaults).</summary>
    public Dictionary<string, string> Parameters { get; set; } = [];

    public bool RetainPhysicalResources { get; init; }

    public bool IgnoreErrors { get; init; }

    public List<ScRecordError> Errors { get; set; } = [];

    public List<ScOutput> Outputs { get; set; } = [];

    /// <summary>The engine's final outcome, applied once <see cref="CompletesAt"/> has passed; null while it works.</summary>
    public ProvisioningOutcome? Outcome { get; set; }

    public DateTimeOffset? CompletesAt { get; set; }

    public bool IsFinished => Status is "SUCCEEDED" or "FAILED";
}
