using System.Globalization;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.SageMaker;

/// <summary>
/// The notebook instance rules CreateNotebookInstance and the CloudFormation provisioner share: the
/// InstanceType enum of the SageMaker service model (botocore 2017-07-24) and the VolumeSizeInGB range,
/// each failing with AWS's ValidationException wording.
/// </summary>
public static class NotebookRules
{
    public const int MinVolumeSizeInGB = 5;

    public const int MaxVolumeSizeInGB = 16384;

    public static IReadOnlyList<string> InstanceTypes { get; } =
    [
        "ml.t2.medium", "ml.t2.large", "ml.t2.xlarge", "ml.t2.2xlarge", "ml.t3.medium", "ml.t3.large",
        "ml.t3.xlarge", "ml.t3.2xlarge", "ml.m4.xlarge", "ml.m4.2xlarge", "ml.m4.4xlarge", "ml.m4.10xlarge",
        "ml.m4.16xlarge", "ml.m5.xlarge", "ml.m5.2xlarge", "ml.m5.4xlarge", "ml.m5.12xlarge", "ml.m5.24xlarge",
        "ml.m5d.large", "ml.m5d.xlarge", "ml.m5d.2xlarge", "ml.m5d.4xlarge", "ml.m5d.8xlarge", "ml.m5d.12xlarge",
        "ml.m5d.16xlarge", "ml.m5d.24xlarge", "ml.c4.xlarge", "ml.c4.2xlarge", "ml.c4.4xlarge", "ml.c4.8xlarge",
        "ml.c5.xlarge", "ml.c5.2xlarge", "ml.c5.4xlarge", "ml.c5.9xlarge", "ml.c5.18xlarge", "ml.c5d.xlarge",
        "ml.c5d.2xlarge", "ml.c5d.4xlarge", "ml.c5d.9xlarge", "ml.c5d.18xlarge", "ml.p2.xlarge", "ml.p2.8xlarge",
        "ml.p2.16xlarge", "ml.p3.2xlarge", "ml.p3.8xlarge", "ml.p3.16xlarge", "ml.p3dn.24xlarge", "ml.g4dn.xlarge",
        "ml.g4dn.2xlarge", "ml.g4dn.4xlarge", "ml.g4dn.8xlarge", "ml.g4dn.12xlarge", "ml.g4dn.16xlarge", "ml.r5.large",
        "ml.r5.xlarge", "ml.r5.2xlarge", "ml.r5.4xlarge", "ml.r5.8xlarge", "ml.r5.12xlarge", "ml.r5.16xlarge",
        "ml.r5.24xlarge", "ml.g5.xlarge", "ml.g5.2xlarge", "ml.g5.4xlarge", "ml.g5.8xlarge", "ml.g5.16xlarge",
        "ml.g5.12xlarge", "ml.g5.24xlarge", "ml.g5.48xlarge",
    ];

    /// <summary>True for a Git repository URL as the service model's GitConfigUrl pattern (<c>^https://([^/]+)/?(.*)$</c>) allows.</summary>
    public static bool IsRepositoryUrl(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith("https://", StringComparison.Ordinal) && value.Length > "https://".Length && value["https://".Length] != '/';
    }

    /// <summary>Throws the enum ValidationException unless <paramref name="instanceType"/> is a notebook instance type.</summary>
    public static void CheckInstanceType(string instanceType)
    {
        if (!InstanceTypes.Contains(instanceType, StringComparer.Ordinal))
        {
            throw Invalid(instanceType, "instanceType", $"Member must satisfy enum value set: [{string.Join(", ", InstanceTypes)}]");
        }
    }

    /// <summary>Throws the range ValidationException unless <paramref name="size"/> is an integer within 5–16384.</summary>
    public static void CheckVolumeSize(string size)
    {
        if (!int.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid(size, "volumeSizeInGB", "Member must be an integer");
        }

        if (value < MinVolumeSizeInGB)
        {
            throw Invalid(size, "volumeSizeInGB", $"Member must have value greater than or equal to {MinVolumeSizeInGB}");
        }

        if (value > MaxVolumeSizeInGB)
        {
            throw Invalid(size, "volumeSizeInGB", $"Member must have value less than or equal to {MaxVolumeSizeInGB}");
        }
    }

    private static ServiceException Invalid(string value, string member, string constraint) =>
        new("ValidationException", $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");
}
