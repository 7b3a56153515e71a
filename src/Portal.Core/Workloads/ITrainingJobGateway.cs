using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Workloads;

/// <summary>Reads training jobs.</summary>
public interface ITrainingJobGateway
{
    IAsyncEnumerable<TrainingJobSummary> ListTrainingJobsAsync(ActingIdentity identity, WorkloadQuery query, CancellationToken cancellationToken);

    Task<Result<TrainingJobDetail>> DescribeTrainingJobAsync(ActingIdentity identity, string jobName, CancellationToken cancellationToken);
}
