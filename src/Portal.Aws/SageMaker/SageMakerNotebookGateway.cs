using Portal.Aws.Protocols;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Workloads;
using Ops = Portal.Aws.SageMaker.SageMakerOperations;

namespace Portal.Aws.SageMaker;

/// <summary>Notebook instances over SageMaker.</summary>
internal sealed class SageMakerNotebookGateway : INotebookGateway
{
    private static readonly TimeSpan MinimumSession = TimeSpan.FromSeconds(1800);
    private static readonly TimeSpan MaximumSession = TimeSpan.FromSeconds(43200);

    private readonly AwsJsonProtocolClient _client;

    public SageMakerNotebookGateway(AwsJsonProtocolClient client) => _client = client;

    public IAsyncEnumerable<NotebookSummary> ListNotebooksAsync(ActingIdentity identity, WorkloadQuery query, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(Ops.ListNotebookInstances, SageMakerQueries.ToListRequest(query, token), identity, ct),
            page => page.NotebookInstances?.Select(ToSummary),
            page => page.NextToken,
            cancellationToken);

    public async Task<Result<NotebookDetail>> DescribeNotebookAsync(ActingIdentity identity, string notebookName, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.DescribeNotebookInstance, new SmNotebookInstanceNameRequest { NotebookInstanceName = notebookName }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => new NotebookDetail(
            new NotebookSummary(r.NotebookInstanceName ?? notebookName, r.NotebookInstanceArn ?? string.Empty, r.NotebookInstanceStatus, r.Url, r.InstanceType, r.CreationTime, r.LastModifiedTime),
            r.FailureReason,
            r.RoleArn,
            r.KmsKeyId,
            r.SubnetId,
            r.SecurityGroups ?? [],
            r.DirectInternetAccess,
            r.RootAccess,
            r.VolumeSizeInGB,
            r.DefaultCodeRepository,
            r.NotebookInstanceLifecycleConfigName));
    }

    public async Task<Result<Unit>> StartNotebookAsync(ActingIdentity identity, string notebookName, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.StartNotebookInstance, new SmNotebookInstanceNameRequest { NotebookInstanceName = notebookName }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(_ => Unit.Value);
    }

    public async Task<Result<Unit>> StopNotebookAsync(ActingIdentity identity, string notebookName, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.StopNotebookInstance, new SmNotebookInstanceNameRequest { NotebookInstanceName = notebookName }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(_ => Unit.Value);
    }

    public async Task<Result<Uri>> CreateSignInUrlAsync(ActingIdentity identity, string notebookName, TimeSpan sessionDuration, CancellationToken cancellationToken)
    {
        if (sessionDuration < MinimumSession || sessionDuration > MaximumSession)
        {
            return Error.Validation("InvalidSessionDuration", "A notebook session lasts between 30 minutes and 12 hours.", nameof(sessionDuration));
        }

        var request = new SmCreatePresignedNotebookInstanceUrlRequest { NotebookInstanceName = notebookName, SessionExpirationDurationInSeconds = (int)sessionDuration.TotalSeconds };
        var response = await _client.SendAsync(Ops.CreatePresignedNotebookInstanceUrl, request, identity, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return response.Error!;
        }

        return Uri.TryCreate(response.Value.AuthorizedUrl, UriKind.Absolute, out var url)
            ? url
            : new Error(ErrorKind.Unavailable, "MalformedResponse", "SageMaker returned no usable sign-in URL.");
    }

    private static NotebookSummary ToSummary(SmNotebookInstanceSummary s) =>
        new(s.NotebookInstanceName ?? string.Empty, s.NotebookInstanceArn ?? string.Empty, s.NotebookInstanceStatus, s.Url, s.InstanceType, s.CreationTime, s.LastModifiedTime);
}
