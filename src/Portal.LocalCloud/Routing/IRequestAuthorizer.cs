using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.Routing;

/// <summary>
/// The seam where identity policies are enforced (e.g. the IAM evaluator denying
/// <c>sagemaker:CreateNotebookInstance</c> with <c>RootAccess=Enabled</c> for a project role). Every
/// registered authorizer runs after authentication and before the operation, under the state gate;
/// none is registered by default (every authenticated call is allowed).
/// </summary>
public interface IRequestAuthorizer
{
    /// <summary>Null to allow; otherwise the AWS error to answer (e.g. <c>AccessDeniedException</c>).</summary>
    ServiceException? Authorize(AuthorizationRequest request);
}
