namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>
/// What a provisioning engine reports for a record. <see cref="ProvisioningState.InProgress"/> means
/// "ask again" (<see cref="IProvisioningEngine.Poll"/>); a final outcome takes effect after
/// <see cref="LifecycleSteps"/> transitions of the lifecycle clock.
/// </summary>
public sealed record ProvisioningOutcome
{
    public required ProvisioningState State { get; init; }

    /// <summary>The stack's physical id (ARN), when the engine created one.</summary>
    public string? PhysicalId { get; init; }

    public IReadOnlyList<ScOutput> Outputs { get; init; } = [];

    public IReadOnlyList<ScRecordError> Errors { get; init; } = [];

    /// <summary>How many lifecycle transitions the change takes before it is visible as finished.</summary>
    public int LifecycleSteps { get; init; } = 1;

    public static ProvisioningOutcome InProgress { get; } = new() { State = ProvisioningState.InProgress };
}
