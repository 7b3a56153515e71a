namespace Portal.LocalCloud;

/// <summary>Configuration of LocalCloud (section <c>LocalCloud</c>).</summary>
public sealed class LocalCloudOptions
{
    public const string SectionName = "LocalCloud";

    /// <summary>Directory for the persisted state; null keeps everything in memory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Seconds per lifecycle transition (Pending→InService, InProgress→Completed); 0 = instant.</summary>
    public double LifecycleSeconds { get; set; }

    /// <summary>Long-term access keys in addition to the built-in <c>test</c>/<c>test</c> of account 000000000000.</summary>
    public IList<LocalCloudCredential> Credentials { get; } = [];

    /// <summary>Initial fault-injection rules (replaceable at run time via <c>POST /_localcloud/faults</c>).</summary>
    public IList<FaultRule> Faults { get; } = [];

    /// <summary>
    /// When set, LocalCloud's endpoints answer only requests that arrive on this port (RequireHost
    /// <c>*:port</c>), so a web app can host it on a second loopback listener next to its own pages.
    /// </summary>
    public int? HostPort { get; set; }

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>How far a request's X-Amz-Date may be from the clock before the signature counts as expired.</summary>
    public int MaxClockSkewMinutes { get; set; } = 15;
}
