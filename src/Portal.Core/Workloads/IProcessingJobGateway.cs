using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Workloads;

/// <summary>Reads processing jobs.</summary>
public interface IProcessingJobGateway
{
    IAsyncEnumerable<ProcessingJobSummary> ListProcessingJobsAsync(ActingIdentity identity, WorkloadQuery query, CancellationToken cancellationToken);

    Task<Result<ProcessingJobDetail>> DescribeProcessingJobAsync(ActingIdentity identity, string jobName, CancellationToken cancellationToken);
}
