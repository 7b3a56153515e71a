using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Workloads;

/// <summary>Lists, inspects, starts, stops and opens notebook instances.</summary>
public interface INotebookGateway
{
    IAsyncEnumerable<NotebookSummary> ListNotebooksAsync(ActingIdentity identity, WorkloadQuery query, CancellationToken cancellationToken);

    Task<Result<NotebookDetail>> DescribeNotebookAsync(ActingIdentity identity, string notebookName, CancellationToken cancellationToken);

    Task<Result<Unit>> StartNotebookAsync(ActingIdentity identity, string notebookName, CancellationToken cancellationToken);

    Task<Result<Unit>> StopNotebookAsync(ActingIdentity identity, string notebookName, CancellationToken cancellationToken);

    /// <summary>A short-lived sign-in URL for the notebook (a secret: never log it). Session: 1800-43200 seconds.</summary>
    Task<Result<Uri>> CreateSignInUrlAsync(ActingIdentity identity, string notebookName, TimeSpan sessionDuration, CancellationToken cancellationToken);
}
