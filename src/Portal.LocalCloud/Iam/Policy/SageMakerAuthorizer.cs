using System.Text.Json.Nodes;

namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// Enforcement of SageMaker create calls made under an assumed role: maps the request to condition keys, evaluates the
/// role's identity policies for every resource the call touches, and words a denial as AWS does.
/// </summary>
public static class SageMakerAuthorizer
{
    public static AuthorizationOutcome Authorize(
        string operation,
        JsonObject request,
        string callerArn,
        IReadOnlyList<NamedPolicy> identityPolicies,
        RequestContext callerContext,
        string partition,
        string region,
        string accountId,
        PolicyDocument? permissionsBoundary = null,
        IReadOnlyList<PolicyDocument>? sessionPolicies = null)
    {
        var mapped = SageMakerRequestContext.Map(operation, request, partition, region, accountId, callerContext);
        return Authorize(mapped, callerArn, identityPolicies, permissionsBoundary, sessionPolicies);
    }

    public static AuthorizationOutcome Authorize(
        SageMakerAuthorizationRequest request,
        string callerArn,
        IReadOnlyList<NamedPolicy> identityPolicies,
        PolicyDocument? permissionsBoundary = null,
        IReadOnlyList<PolicyDocument>? sessionPolicies = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var results = request.ResourceArns
            .Select(arn => PolicyEvaluator.Evaluate(identityPolicies, request.Action, arn, request.Context, permissionsBoundary, sessionPolicies))
            .ToList();
        var denied = results.FirstOrDefault(r => !r.IsAllowed);
        return new AuthorizationOutcome(denied is null, results, denied is null ? null : AccessDeniedMessage.Format(callerArn, denied));
    }
}
