namespace Portal.LocalCloud.Clock;

/// <summary>
/// Drives resource lifecycles (Pending→InService, InProgress→Completed): a transition takes
/// <see cref="LocalCloudOptions.LifecycleSeconds"/> (0 = instant). Statuses are derived from the time a
/// resource entered its state, so they survive restarts without background timers.
/// </summary>
public sealed class LifecycleClock
{
    private readonly TimeProvider _time;

    public LifecycleClock(TimeProvider time, TimeSpan transition)
    {
        _time = time;
        Transition = transition < TimeSpan.Zero ? TimeSpan.Zero : transition;
    }

    public TimeSpan Transition { get; }

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>True when <paramref name="steps"/> transitions have passed since <paramref name="since"/>.</summary>
    public bool HasElapsed(DateTimeOffset since, DateTimeOffset now, int steps = 1) =>
        now - since >= Transition * steps;

    /// <summary>The moment <paramref name="steps"/> transitions after <paramref name="since"/>.</summary>
    public DateTimeOffset After(DateTimeOffset since, int steps = 1) => since + (Transition * steps);
}
