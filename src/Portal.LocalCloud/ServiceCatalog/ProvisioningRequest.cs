using Portal.LocalCloud.Auth;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>
/// Everything an engine needs to provision, update or terminate a provisioned product. <see cref="State"/>
/// is the whole LocalCloud state: the engine runs under the state gate and may create emulated
/// resources in any store (they are persisted with the request).
/// </summary>
public sealed record ProvisioningRequest
{
    /// <summary>PROVISION_PRODUCT, UPDATE_PROVISIONED_PRODUCT or TERMINATE_PROVISIONED_PRODUCT.</summary>
    public required string RecordType { get; init; }

    public required string RecordId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required CallerIdentity Caller { get; init; }

    public required ScProvisionedProduct ProvisionedProduct { get; init; }

    public required ScProduct Product { get; init; }

    public required ScArtifact Artifact { get; init; }

    /// <summary>Parameter values after defaults and UsePreviousValue.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    public string? LaunchRoleArn { get; init; }

    public bool RetainPhysicalResources { get; init; }

    public bool IgnoreErrors { get; init; }

    public required CloudState State { get; init; }

    public required DateTimeOffset Now { get; init; }
}
