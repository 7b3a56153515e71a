using Portal.Aws.Protocols;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Workloads;
using Ops = Portal.Aws.SageMaker.SageMakerOperations;

namespace Portal.Aws.SageMaker;

/// <summary>Training jobs over SageMaker.</summary>
internal sealed class SageMakerTrainingJobGateway : ITrainingJobGateway
{
    private readonly AwsJsonProtocolClient _client;

    public SageMakerTrainingJobGateway(AwsJsonProtocolClient client) => _client = client;

    public IAsyncEnumerable<TrainingJobSummary> ListTrainingJobsAsync(ActingIdentity identity, WorkloadQuery query, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(Ops.ListTrainingJobs, SageMakerQueries.ToListRequest(query, token), identity, ct),
            page => page.TrainingJobSummaries?.Select(s => new TrainingJobSummary(s.TrainingJobName ?? string.Empty, s.TrainingJobArn ?? string.Empty, s.TrainingJobStatus, s.CreationTime, s.TrainingEndTime, s.LastModifiedTime)),
            page => page.NextToken,
            cancellationToken);

    public async Task<Result<TrainingJobDetail>> DescribeTrainingJobAsync(ActingIdentity identity, string jobName, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.DescribeTrainingJob, new SmTrainingJobNameRequest { TrainingJobName = jobName }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => new TrainingJobDetail(
            new TrainingJobSummary(r.TrainingJobName ?? jobName, r.TrainingJobArn ?? string.Empty, r.TrainingJobStatus, r.CreationTime, r.TrainingEndTime, r.LastModifiedTime),
            r.SecondaryStatus,
            r.FailureReason,
            r.RoleArn,
            r.ResourceConfig?.InstanceType,
            r.ResourceConfig?.InstanceCount,
            r.ResourceConfig?.VolumeKmsKeyId,
            r.OutputDataConfig?.KmsKeyId,
            r.ModelArtifacts?.S3ModelArtifacts,
            r.VpcConfig?.Subnets ?? [],
            r.VpcConfig?.SecurityGroupIds ?? [],
            r.EnableNetworkIsolation,
            r.EnableInterContainerTrafficEncryption,
            r.TrainingStartTime,
            r.BillableTimeInSeconds));
    }
}
