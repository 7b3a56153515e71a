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

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>How far a request's X-Amz-Date may be from the clock before the signature counts as expired.</summary>
    public int MaxClockSkewMinutes { get; set; } = 15;
}
