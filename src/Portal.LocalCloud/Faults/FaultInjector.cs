namespace Portal.LocalCloud.Faults;

/// <summary>
/// Applies fault rules (throttling share, 5xx share, added latency) per service and operation. Rules
/// come from configuration and can be replaced at run time by <c>POST /_localcloud/faults</c>.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private IReadOnlyList<FaultRule> _rules;

    public FaultInjector(LocalCloudOptions options, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rules = [.. options.Faults];
        _random = random ?? Random.Shared;
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules;
            }
        }
    }

    /// <summary>Replaces every rule; rates must lie in [0, 1] and latency must not be negative.</summary>
    public void Replace(IReadOnlyList<FaultRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            if (rule.ThrottleRate is < 0 or > 1 || rule.ErrorRate is < 0 or > 1 || rule.LatencyMilliseconds < 0
                || string.IsNullOrWhiteSpace(rule.Service) || string.IsNullOrWhiteSpace(rule.Operation))
            {
                throw new ArgumentException("Fault rules need a Service and Operation (or *), rates between 0 and 1 and a latency of at least 0.", nameof(rules));
            }
        }

        lock (_gate)
        {
            _rules = [.. rules];
        }
    }

    public FaultDecision Decide(string service, string operation)
    {
        lock (_gate)
        {
            var latency = TimeSpan.Zero;
            var throttle = false;
            var error = false;
            foreach (var rule in _rules)
            {
                if (!Matches(rule.Service, service) || !Matches(rule.Operation, operation))
                {
                    continue;
                }

                latency += TimeSpan.FromMilliseconds(rule.LatencyMilliseconds);
                throttle |= rule.ThrottleRate > 0 && _random.NextDouble() < rule.ThrottleRate;
                error |= rule.ErrorRate > 0 && _random.NextDouble() < rule.ErrorRate;
            }

            return new FaultDecision(latency, throttle, error && !throttle);
        }
    }

    private static bool Matches(string pattern, string value) =>
        pattern == "*" || string.Equals(pattern, value, StringComparison.OrdinalIgnoreCase);
}
