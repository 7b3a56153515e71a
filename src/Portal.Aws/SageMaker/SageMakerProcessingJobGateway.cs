using Portal.Aws.Protocols;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Workloads;
using Ops = Portal.Aws.SageMaker.SageMakerOperations;

namespace Portal.Aws.SageMaker;

/// <summary>Processing jobs over SageMaker.</summary>
internal sealed class SageMakerProcessingJobGateway : IProcessingJobGateway
{
    private readonly AwsJsonProtocolClient _client;

    public SageMakerProcessingJobGateway(AwsJsonProtocolClient client) => _client = client;

    public IAsyncEnumerable<ProcessingJobSummary> ListProcessingJobsAsync(ActingIdentity identity, WorkloadQuery query, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(Ops.ListProcessingJobs, SageMakerQueries.ToListRequest(query, token), identity, ct),
            page => page.ProcessingJobSummaries?.Select(s => new ProcessingJobSummary(s.ProcessingJobName ?? string.Empty, s.ProcessingJobArn ?? string.Empty, s.ProcessingJobStatus, s.FailureReason, s.ExitMessage, s.CreationTime, s.ProcessingEndTime, s.LastModifiedTime)),
            page => page.NextToken,
            cancellationToken);

    public async Task<Result<ProcessingJobDetail>> DescribeProcessingJobAsync(ActingIdentity identity, string jobName, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.DescribeProcessingJob, new SmProcessingJobNameRequest { ProcessingJobName = jobName }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => new ProcessingJobDetail(
            new ProcessingJobSummary(r.ProcessingJobName ?? jobName, r.ProcessingJobArn ?? string.Empty, r.ProcessingJobStatus, r.FailureReason, r.ExitMessage, r.CreationTime, r.ProcessingEndTime, r.LastModifiedTime),
            r.RoleArn,
            r.ProcessingResources?.ClusterConfig?.InstanceType,
            r.ProcessingResources?.ClusterConfig?.InstanceCount,
            r.ProcessingResources?.ClusterConfig?.VolumeKmsKeyId,
            r.NetworkConfig?.VpcConfig?.Subnets ?? [],
            r.NetworkConfig?.VpcConfig?.SecurityGroupIds ?? [],
            r.NetworkConfig?.EnableNetworkIsolation,
            r.NetworkConfig?.EnableInterContainerTrafficEncryption,
            r.ProcessingStartTime,
            r.MonitoringScheduleArn));
    }
}
