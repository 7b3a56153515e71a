using System.Text.Json.Nodes;
using Portal.LocalCloud.Iam.Policy;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.Iam.PolicyEnforcement;

/// <summary>
/// Authorises SageMaker create calls made under an assumed role with the role's policies and the SageMaker condition
/// keys (<see cref="SageMakerAuthorizer"/>); a denial answers <c>AccessDeniedException</c> with AWS's text. Callers
/// using long-term keys (LocalCloud's account root and configured users) are not evaluated.
/// </summary>
public static class SageMakerEnforcement
{
    public static void Authorize(string operation, JsonObject request, Routing.RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.Caller;
        if (!caller.IsAssumedRole || caller.RoleName is null || !SageMakerRequestContext.Supports(operation))
        {
            return;
        }

        var iam = context.Account.Iam;
        if (!iam.Roles.ContainsKey(caller.RoleName.ToLowerInvariant()))
        {
            throw new ServiceException("AccessDeniedException", $"User: {caller.Arn} is not authorized to perform: sagemaker:{operation} because the role no longer exists");
        }

        var set = RolePolicySet.Load(iam, caller.RoleName);
        var requestContext = Policy.RequestContext.ForAssumedRoleSession(
            context.AccountId, set.Role.Arn, set.Role.RoleId, caller.SessionName ?? "session", context.Region, context.Now)
            .WithSession(caller.SessionTags, caller.SourceIdentity);
        var outcome = SageMakerAuthorizer.Authorize(operation, request, caller.Arn, set.Policies, requestContext, "aws", context.Region, context.AccountId, set.PermissionsBoundary);
        if (!outcome.IsAllowed)
        {
            throw new ServiceException("AccessDeniedException", outcome.AccessDeniedMessage ?? $"User: {caller.Arn} is not authorized to perform: sagemaker:{operation}");
        }
    }
}
