namespace Portal.Aws.Tests.Behaviour;

/// <summary>
/// Feeds LocalCloud's fault injector: returns the scripted draws in order, then <see cref="After"/>; counts the draws,
/// which is the number of requests a rule with a non-zero rate saw (so a test can count attempts on the server side).
/// </summary>
internal sealed class ScriptedRandom(params double[] draws) : Random
{
    private readonly Queue<double> _draws = new(draws);
    private int _count;

    public double After { get; init; } = 0.99;

    public int Count => Volatile.Read(ref _count);

    public override double NextDouble()
    {
        Interlocked.Increment(ref _count);
        lock (_draws)
        {
            return _draws.TryDequeue(out var next) ? next : After;
        }
    }
}
