using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Workloads;

/// <summary>Reads experiments and trial components, and the tags of any workload resource.</summary>
public interface ILineageGateway
{
    IAsyncEnumerable<Experiment> ListExperimentsAsync(ActingIdentity identity, DateTimeOffset? createdAfter, CancellationToken cancellationToken);

    IAsyncEnumerable<TrialComponent> ListTrialComponentsAsync(ActingIdentity identity, string? experimentName, string? trialName, CancellationToken cancellationToken);

    IAsyncEnumerable<ResourceTag> ListTagsAsync(ActingIdentity identity, string resourceArn, CancellationToken cancellationToken);
}
