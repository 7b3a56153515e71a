namespace Portal.LocalCloud;

/// <summary>
/// A fault-injection rule: for requests to <see cref="Service"/> (signing name, or <c>*</c>) and
/// <see cref="Operation"/> (or <c>*</c>), throttle or fail a share of requests and add latency.
/// </summary>
public sealed class FaultRule
{
    public string Service { get; set; } = "*";

    public string Operation { get; set; } = "*";

    /// <summary>Share (0–1) of matching requests answered with the protocol's throttling error.</summary>
    public double ThrottleRate { get; set; }

    /// <summary>Share (0–1) of matching requests answered with a 500/503 error.</summary>
    public double ErrorRate { get; set; }

    /// <summary>Latency added to every matching request, in milliseconds.</summary>
    public int LatencyMilliseconds { get; set; }
}
