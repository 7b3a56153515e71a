using Portal.Aws.Protocols;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Workloads;
using Ops = Portal.Aws.SageMaker.SageMakerOperations;

namespace Portal.Aws.SageMaker;

/// <summary>Endpoints and model monitoring over SageMaker.</summary>
internal sealed class SageMakerModelEndpointGateway : IModelEndpointGateway
{
    private readonly AwsJsonProtocolClient _client;

    public SageMakerModelEndpointGateway(AwsJsonProtocolClient client) => _client = client;

    public IAsyncEnumerable<ModelEndpointSummary> ListEndpointsAsync(ActingIdentity identity, WorkloadQuery query, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(Ops.ListEndpoints, SageMakerQueries.ToListRequest(query, token), identity, ct),
            page => page.Endpoints?.Select(e => new ModelEndpointSummary(e.EndpointName ?? string.Empty, e.EndpointArn ?? string.Empty, e.EndpointStatus, e.CreationTime, e.LastModifiedTime)),
            page => page.NextToken,
            cancellationToken);

    public async Task<Result<ModelEndpointDetail>> DescribeEndpointAsync(ActingIdentity identity, string endpointName, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.DescribeEndpoint, new SmEndpointNameRequest { EndpointName = endpointName }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => new ModelEndpointDetail(
            new ModelEndpointSummary(r.EndpointName ?? endpointName, r.EndpointArn ?? string.Empty, r.EndpointStatus, r.CreationTime, r.LastModifiedTime),
            r.EndpointConfigName,
            r.FailureReason,
            r.ProductionVariants?.Select(v => v.VariantName ?? string.Empty).ToList() ?? []));
    }

    public IAsyncEnumerable<MonitoringSchedule> ListMonitoringSchedulesAsync(ActingIdentity identity, string? endpointName, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(
                Ops.ListMonitoringSchedules,
                new SmListMonitoringSchedulesRequest { EndpointName = endpointName, SortBy = "CreationTime", SortOrder = "Descending", NextToken = token, MaxResults = 100 },
                identity,
                ct),
            page => page.MonitoringScheduleSummaries?.Select(s => new MonitoringSchedule(s.MonitoringScheduleName ?? string.Empty, s.MonitoringScheduleArn ?? string.Empty, s.MonitoringScheduleStatus, s.MonitoringType, s.EndpointName, s.CreationTime, s.LastModifiedTime)),
            page => page.NextToken,
            cancellationToken);

    public IAsyncEnumerable<MonitoringExecution> ListMonitoringExecutionsAsync(ActingIdentity identity, string? scheduleName, string? endpointName, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(
                Ops.ListMonitoringExecutions,
                new SmListMonitoringExecutionsRequest { MonitoringScheduleName = scheduleName, EndpointName = endpointName, SortBy = "ScheduledTime", SortOrder = "Descending", NextToken = token, MaxResults = 100 },
                identity,
                ct),
            page => page.MonitoringExecutionSummaries?.Select(e => new MonitoringExecution(e.MonitoringScheduleName ?? string.Empty, e.ScheduledTime, e.MonitoringExecutionStatus, e.ProcessingJobArn, e.EndpointName, e.FailureReason)),
            page => page.NextToken,
            cancellationToken);
}
