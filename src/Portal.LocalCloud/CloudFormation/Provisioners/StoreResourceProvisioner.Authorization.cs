using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Iam.Policy;
using Portal.LocalCloud.Iam.PolicyEnforcement;

namespace Portal.LocalCloud.CloudFormation.Provisioners;

/// <summary>
/// Runs a stack's resource operations as the role session it acts as (<see cref="ResourceRequest.ActingAs"/>): its
/// service role (CreateStack <c>RoleARN</c> or the Service Catalog LAUNCH constraint role, session
/// <c>AWSCloudFormation</c>) or else the assumed-role session that called the stack operation. Before a resource is
/// created, updated or deleted, every API call CloudFormation's handler makes for it (<see cref="Calls"/>) is evaluated
/// against the role's identity policies and permissions boundary with the session's tags and source identity. The
/// first denied call fails the resource with AWS's AccessDenied text and HandlerErrorCode <c>AccessDenied</c>, so the
/// stack rolls back (or, on delete, ends DELETE_FAILED) as on AWS.
/// </summary>
public sealed partial class StoreResourceProvisioner
{
    /// <summary>The failure for the first call the acting role session may not make; null when it may make them all, or when the stack acts with LocalCloud's authority.</summary>
    private ProvisioningResult? Unauthorized(ResourceRequest request, ResourceOperation operation)
    {
        if (request.ActingAs is not { } principal)
        {
            return null;
        }

        var iam = Account.Iam;
        var role = iam.FindRoleByArn(principal.RoleArn);
        if (role is null)
        {
            return ProvisioningResult.Failure(
                principal.IsServiceRole
                    ? $"Role {principal.RoleArn} is invalid or cannot be assumed"
                    : $"The role {principal.RoleArn} of the calling session no longer exists",
                "AccessDenied");
        }

        var set = RolePolicySet.Load(iam, role.RoleName);
        var sessionArn = $"arn:{request.Environment.Partition}:sts::{_accountId}:assumed-role/{role.RoleName}/{principal.SessionName}";
        foreach (var call in Calls(request, operation))
        {
            var context = RequestContext.ForAssumedRoleSession(_accountId, role.Arn, role.RoleId, principal.SessionName, _region, Now)
                .WithSession(principal.SessionTags, principal.SourceIdentity);

            foreach (var (key, value) in call.Keys)
            {
                _ = value.IsMultiValued ? context.SetList(key, value.Values) : context.Set(key, value.Values[0]);
            }

            foreach (var resource in call.Resources)
            {
                var result = PolicyEvaluator.Evaluate(set.Policies, call.Action, resource, context, set.PermissionsBoundary);
                if (!result.IsAllowed)
                {
                    var service = call.Action[..call.Action.IndexOf(':', StringComparison.Ordinal)];
                    return ProvisioningResult.Failure(
                        $"{AccessDeniedMessage.Format(sessionArn, result)} (Service: {service}, Status Code: {(service is "iam" or "s3" or "ec2" ? 403 : 400)}, Request ID: {Guid.NewGuid()})",
                        "AccessDenied");
                }
            }
        }

        return null;
    }
}

/// <summary>What is being done to a resource.</summary>
public enum ResourceOperation
{
    Create,
    Update,
    Delete,
}

/// <summary>
/// One API call a resource handler makes: the IAM action, the resource ARNs it is authorised against (all must be
/// allowed) and its request condition keys.
/// </summary>
public sealed record ResourceCall(string Action, IReadOnlyList<string> Resources, IReadOnlyDictionary<string, ContextValue> Keys)
{
    public static ResourceCall On(string action, params string[] resources) => new(action, resources, new Dictionary<string, ContextValue>());

    /// <summary>Keys from a SageMaker request mapped by <see cref="SageMakerRequestContext"/>.</summary>
    public static ResourceCall From(SageMakerAuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResourceCall(request.Action, request.ResourceArns, new Dictionary<string, ContextValue>(request.Context.Values, StringComparer.Ordinal));
    }

    public ResourceCall With(string key, string value) => WithValue(key, new ContextValue([value], IsMultiValued: false));

    public ResourceCall WithList(string key, IEnumerable<string> values) => WithValue(key, new ContextValue(values.ToList(), IsMultiValued: true));

    /// <summary><c>aws:RequestTag/*</c> and <c>aws:TagKeys</c> for the tags a call sets (none: no keys).</summary>
    public ResourceCall WithRequestTags(IReadOnlyCollection<KeyValuePair<string, string>> tags)
    {
        if (tags.Count == 0)
        {
            return this;
        }

        var call = this;
        foreach (var (key, value) in tags)
        {
            call = call.With($"aws:RequestTag/{key}", value);
        }

        return call.WithList("aws:TagKeys", tags.Select(t => t.Key));
    }

    /// <summary><c>aws:ResourceTag/*</c> for the tags the resource carries.</summary>
    public ResourceCall WithResourceTags(IEnumerable<KeyValuePair<string, string>> tags)
    {
        var call = this;
        foreach (var (key, value) in tags)
        {
            call = call.With($"aws:ResourceTag/{key}", value);
        }

        return call;
    }

    private ResourceCall WithValue(string key, ContextValue value) =>
        this with { Keys = new Dictionary<string, ContextValue>(Keys, StringComparer.Ordinal) { [key] = value } };
}
