using Portal.LocalCloud.State;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>A provisioned product (a launched product version), its parameters and outputs.</summary>
public sealed class ScProvisionedProduct
{
    public required string Id { get; init; }

    public required string Arn { get; init; }

    public required string Name { get; init; }

    public string Type { get; init; } = "CFN_STACK";

    public string Status { get; set; } = "UNDER_CHANGE";

    public string? StatusMessage { get; set; }

    public DateTimeOffset CreatedTime { get; init; }

    public required string IdempotencyToken { get; init; }

    public string? LastRecordId { get; set; }

    public string? LastProvisioningRecordId { get; set; }

    public string? LastSuccessfulProvisioningRecordId { get; set; }

    public required string ProductId { get; set; }

    public required string ProvisioningArtifactId { get; set; }

    public string? PathId { get; set; }

    public string? LaunchRoleArn { get; set; }

    public required string UserArn { get; init; }

    public string? UserArnSession { get; init; }

    /// <summary>The role ARN of the launching session (for AccessLevelFilter Role).</summary>
    public string? RoleArn { get; init; }

    public List<Tag> Tags { get; set; } = [];

    public Dictionary<string, string> Parameters { get; set; } = [];

    /// <summary>The CloudFormation stack the engine created (physical id), when there is one.</summary>
    public string? PhysicalId { get; set; }

    public List<ScOutput> Outputs { get; set; } = [];

    public bool Terminated { get; set; }
}
