namespace Portal.LocalCloud.Faults;

/// <summary>What fault injection decided for one request.</summary>
public readonly record struct FaultDecision(TimeSpan Latency, bool Throttle, bool ServerError)
{
    public static FaultDecision None => default;
}
