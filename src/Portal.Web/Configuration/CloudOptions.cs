namespace Portal.Web.Configuration;

/// <summary>Which cloud the portal talks to. Section <c>Cloud</c>.</summary>
public sealed class CloudOptions
{
    public const string SectionName = "Cloud";

    public const string LocalCloud = "LocalCloud";

    public const string Aws = "Aws";

    public static readonly IReadOnlyList<string> AllowedModes = [LocalCloud, Aws];

    /// <summary><c>LocalCloud</c> (default: an offline AWS hosted in-process) or <c>Aws</c>.</summary>
    public string Mode { get; set; } = LocalCloud;

    /// <summary>Loopback port of the embedded LocalCloud; 0 picks a free port.</summary>
    public int LocalCloudPort { get; set; }

    public bool IsLocalCloud => string.Equals(Mode, LocalCloud, StringComparison.OrdinalIgnoreCase);
}
