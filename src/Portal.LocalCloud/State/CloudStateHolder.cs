namespace Portal.LocalCloud.State;

/// <summary>
/// Owns the state and the single gate every request passes through. A mutating request changes the
/// state and is persisted before it is answered, so an acknowledged change survives a kill -9.
/// </summary>
public sealed class CloudStateHolder
{
    private readonly StatePersistence? _persistence;

    public CloudStateHolder(LocalCloudOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            _persistence = new StatePersistence(options.DataDirectory);
            State = _persistence.Load();
        }
        else
        {
            State = new CloudState();
        }
    }

    public Lock Gate { get; } = new();

    public CloudState State { get; private set; }

    public bool IsPersistent => _persistence is not null;

    /// <summary>Persists the current state (call while holding <see cref="Gate"/>).</summary>
    public void Save() => _persistence?.Save(State);

    public void Reset()
    {
        lock (Gate)
        {
            State = new CloudState();
            Save();
        }
    }

    /// <summary>The status of a notebook instance of that name in the region, in any account (for the notebook page).</summary>
    public string? FindNotebookStatus(string region, string name)
    {
        lock (Gate)
        {
            return State.Accounts.Values
                .Select(a => a.Regions.GetValueOrDefault(region))
                .Select(r => r?.SageMaker.Resources.GetValueOrDefault(SageMaker.SageMakerStore.Key(SageMaker.SmKind.NotebookInstance, name)))
                .FirstOrDefault(n => n is not null)?.Status;
        }
    }

    public string Dump()
    {
        lock (Gate)
        {
            return StatePersistence.Serialize(State);
        }
    }
}
