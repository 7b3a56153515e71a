namespace Portal.Core.Workloads;

/// <summary>
/// Filters for workload listings. Results come newest first. StatusEquals is the service's status name;
/// ModifiedAfter lets a sync loop fetch only what changed.
/// </summary>
public sealed record WorkloadQuery(string? NameContains = null, string? StatusEquals = null, DateTimeOffset? CreatedAfter = null, DateTimeOffset? ModifiedAfter = null)
{
    public static WorkloadQuery All { get; } = new();
}
