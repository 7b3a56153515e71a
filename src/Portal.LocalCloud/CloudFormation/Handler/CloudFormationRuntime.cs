using Portal.LocalCloud.Clock;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.CloudFormation.Provisioners;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>
/// One <see cref="StackOrchestrator"/> per account and Region over LocalCloud's stores, restored from and captured
/// into the persisted state. Operations run to completion inside the request when the lifecycle clock is instant
/// (tests), otherwise in the background, each resource step taking the state gate. Call under the state gate.
/// </summary>
public sealed class CloudFormationRuntime
{
    private readonly CloudStateHolder _holder;
    private readonly LifecycleClock _clock;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, StackOrchestrator> _orchestrators = new(StringComparer.Ordinal);
    private CloudState? _state;

    public CloudFormationRuntime(CloudStateHolder holder, LifecycleClock clock, TimeProvider time)
    {
        _holder = holder;
        _clock = clock;
        _time = time;
    }

    /// <summary>True when operations finish before the request that started them is answered.</summary>
    public bool RunsInline => _clock.Transition == TimeSpan.Zero;

    /// <summary>The orchestrator of an account and Region (created and restored on first use).</summary>
    public StackOrchestrator For(string accountId, string region)
    {
        if (!ReferenceEquals(_state, _holder.State))
        {
            _orchestrators.Clear();
            _state = _holder.State;
        }

        var key = accountId + "/" + region;
        if (!_orchestrators.TryGetValue(key, out var orchestrator))
        {
            orchestrator = new StackOrchestrator(
                new StackEnvironment(accountId, region),
                new StoreResourceProvisioner(_holder, accountId, region, _time),
                _time,
                new StoreSsmParameterResolver(_holder, accountId, region),
                new S3TemplateSource(_holder),
                awsParameterValues: new Ec2ParameterValidator(_holder, accountId, region));
            if (_holder.State.Account(accountId).Region(region).CloudFormation.Stacks is { } saved)
            {
                orchestrator.RestoreState(saved);
            }

            _orchestrators[key] = orchestrator;
        }

        return orchestrator;
    }

    /// <summary>The SSM resolver of an account and Region (for parameter resolution outside a stack operation).</summary>
    public ISsmParameterResolver SsmResolver(string accountId, string region) => new StoreSsmParameterResolver(_holder, accountId, region);

    /// <summary>Runs a begun operation: to its end now when instant, otherwise in the background (persisted when it ends).</summary>
    public void Run(StackOrchestrator orchestrator, StackOperation operation)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        ArgumentNullException.ThrowIfNull(operation);
        if (RunsInline)
        {
            Completed.Value(orchestrator.RunAsync(operation, CancellationToken.None));
            Capture(orchestrator);
            return;
        }

        var state = _holder.State;
        Capture(orchestrator);
        _ = Task.Run(async () =>
        {
            try
            {
                await orchestrator.RunAsync(operation, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                lock (_holder.Gate)
                {
                    if (ReferenceEquals(state, _holder.State))
                    {
                        Capture(orchestrator);
                        _holder.Save();
                    }
                }
            }
        });
    }

    /// <summary>Copies an orchestrator's stacks into the persisted state (call under the gate before saving).</summary>
    public void Capture(StackOrchestrator orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        var environment = orchestrator.Environment;
        _holder.State.Account(environment.AccountId).Region(environment.Region).CloudFormation.Stacks = orchestrator.CaptureState();
    }
}
