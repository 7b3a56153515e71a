using System.ComponentModel.DataAnnotations;

namespace Portal.Aws.Configuration;

/// <summary>
/// How Portal.Aws reaches the cloud (section <c>Cloud</c>, shared with the web host's own options).
/// Mode <c>Aws</c> uses real regional endpoints and the SDK's default credential chain;
/// mode <c>LocalCloud</c> sends every service to <see cref="ServiceUrl"/> with static keys.
/// </summary>
public sealed class AwsOptions
{
    public const string SectionName = "Cloud";

    public const string AwsMode = "Aws";

    public const string LocalCloudMode = "LocalCloud";

    /// <summary><c>LocalCloud</c> (default, the embedded emulator) or <c>Aws</c>.</summary>
    [Required]
    public string Mode { get; set; } = LocalCloudMode;

    /// <summary>The region every regional service is called in and signed for.</summary>
    [Required]
    [RegularExpression("^[a-z]{2}(-[a-z]+)+-\\d$", ErrorMessage = "Cloud:Region must look like eu-west-1.")]
    public string Region { get; set; } = "us-east-1";

    /// <summary>One URL for every service (LocalCloud); overrides the real endpoints.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Per-service endpoint overrides, keyed by service (servicecatalog, sagemaker, iam, cloudformation, s3, kms, ssm, ec2, sts).</summary>
    public Dictionary<string, Uri> Endpoints { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A named profile from the shared AWS config/credentials files; null uses the default chain.</summary>
    public string? Profile { get; set; }

    /// <summary>Static keys. Meant for LocalCloud (which accepts <c>test</c>/<c>test</c> by default); in Aws mode prefer profiles or roles.</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>Persona role ARNs keyed by persona (PlatformEngineer, DataScienceAdministrator, …).</summary>
    public Dictionary<string, string> Roles { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Requested lifetime of assumed persona-role sessions (900-43200 seconds).</summary>
    [Range(900, 43200)]
    public int RoleSessionDurationSeconds { get; set; } = 3600;

    /// <summary>Retries of the hand-written clients (SDK clients use the SDK's standard retry with the same count).</summary>
    public AwsRetryOptions Retry { get; init; } = new();

    public bool IsLocalCloud => string.Equals(Mode, LocalCloudMode, StringComparison.OrdinalIgnoreCase);
}
