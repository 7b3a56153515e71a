using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Workloads;

/// <summary>Reads model endpoints and their drift monitoring.</summary>
public interface IModelEndpointGateway
{
    IAsyncEnumerable<ModelEndpointSummary> ListEndpointsAsync(ActingIdentity identity, WorkloadQuery query, CancellationToken cancellationToken);

    Task<Result<ModelEndpointDetail>> DescribeEndpointAsync(ActingIdentity identity, string endpointName, CancellationToken cancellationToken);

    IAsyncEnumerable<MonitoringSchedule> ListMonitoringSchedulesAsync(ActingIdentity identity, string? endpointName, CancellationToken cancellationToken);

    /// <summary>Executions of one schedule, or of every schedule on an endpoint; newest first.</summary>
    IAsyncEnumerable<MonitoringExecution> ListMonitoringExecutionsAsync(ActingIdentity identity, string? scheduleName, string? endpointName, CancellationToken cancellationToken);
}
