namespace Portal.Aws.Tests.Fakes;

/// <summary>A clock that starts at a fixed instant and moves only when told to (or by a fixed tick per reading).</summary>
internal sealed class TickingTimeProvider(DateTimeOffset start, TimeSpan tickPerRead = default) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        var now = _now;
        _now += tickPerRead;
        return now;
    }

    public void Advance(TimeSpan by) => _now += by;
}
