using Portal.Aws.Protocols;
using Portal.Core.Common;
using Portal.Core.Identity;
using Ops = Portal.Aws.Iam.IamOperations;

namespace Portal.Aws.Iam;

/// <summary>IAM roles and their policies (policy documents arrive URL-encoded and are decoded here).</summary>
internal sealed class IamRoleGateway : IRoleGateway
{
    private readonly AwsQueryProtocolClient _client;

    public IamRoleGateway(AwsQueryProtocolClient client) => _client = client;

    public async Task<Result<RoleDetail>> GetRoleAsync(ActingIdentity identity, string roleName, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.GetRole, new IamRoleNameRequest { RoleName = roleName }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToDetail(r.Role));
    }

    public IAsyncEnumerable<RoleSummary> ListRolesAsync(ActingIdentity identity, string? pathPrefix, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (marker, ct) => _client.SendAsync(Ops.ListRoles, new IamListRolesRequest { PathPrefix = pathPrefix, Marker = marker, MaxItems = 100 }, identity, ct),
            page => page.Roles?.Select(ToSummary),
            page => page.IsTruncated ? page.Marker : null,
            cancellationToken);

    public IAsyncEnumerable<AttachedPolicy> ListAttachedPoliciesAsync(ActingIdentity identity, string roleName, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (marker, ct) => _client.SendAsync(Ops.ListAttachedRolePolicies, new IamListRoleItemsRequest { RoleName = roleName, Marker = marker, MaxItems = 100 }, identity, ct),
            page => page.AttachedPolicies?.Select(p => new AttachedPolicy(p.PolicyName ?? string.Empty, p.PolicyArn ?? string.Empty)),
            page => page.IsTruncated ? page.Marker : null,
            cancellationToken);

    public IAsyncEnumerable<string> ListInlinePolicyNamesAsync(ActingIdentity identity, string roleName, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (marker, ct) => _client.SendAsync(Ops.ListRolePolicies, new IamListRoleItemsRequest { RoleName = roleName, Marker = marker, MaxItems = 100 }, identity, ct),
            page => page.PolicyNames,
            page => page.IsTruncated ? page.Marker : null,
            cancellationToken);

    public async Task<Result<string>> GetInlinePolicyAsync(ActingIdentity identity, string roleName, string policyName, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.GetRolePolicy, new IamGetRolePolicyRequest { RoleName = roleName, PolicyName = policyName }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => r.PolicyDocument ?? string.Empty);
    }

    public async Task<Result<RoleSummary>> CreateRoleAsync(ActingIdentity identity, NewRole role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        var request = new IamCreateRoleRequest
        {
            RoleName = role.RoleName,
            AssumeRolePolicyDocument = role.TrustPolicyDocument,
            Path = role.Path,
            Description = role.Description,
            MaxSessionDuration = role.MaxSessionDurationSeconds,
            PermissionsBoundary = role.PermissionsBoundaryArn,
            Tags = role.Tags is null || role.Tags.Count == 0 ? null : role.Tags.Select(t => new IamTag { Key = t.Key, Value = t.Value }).ToList(),
        };
        var response = await _client.SendAsync(Ops.CreateRole, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToSummary(r.Role ?? new IamRole()));
    }

    private static RoleSummary ToSummary(IamRole role) =>
        new(role.RoleName ?? string.Empty, role.Arn ?? string.Empty, role.RoleId ?? string.Empty, role.Path ?? "/", role.CreateDate, role.Description);

    private static RoleDetail ToDetail(IamRole? role) => new(
        ToSummary(role ?? new IamRole()),
        role?.AssumeRolePolicyDocument,
        role?.MaxSessionDuration,
        role?.RoleLastUsed?.LastUsedDate,
        role?.Tags?.Select(t => new ResourceTag(t.Key ?? string.Empty, t.Value ?? string.Empty)).ToList() ?? []);
}
