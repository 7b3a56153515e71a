using Portal.Core.Common;

namespace Portal.Core.Identity;

/// <summary>Reads (and for platform set-up creates) IAM roles and their policies.</summary>
public interface IRoleGateway
{
    Task<Result<RoleDetail>> GetRoleAsync(ActingIdentity identity, string roleName, CancellationToken cancellationToken);

    IAsyncEnumerable<RoleSummary> ListRolesAsync(ActingIdentity identity, string? pathPrefix, CancellationToken cancellationToken);

    IAsyncEnumerable<AttachedPolicy> ListAttachedPoliciesAsync(ActingIdentity identity, string roleName, CancellationToken cancellationToken);

    IAsyncEnumerable<string> ListInlinePolicyNamesAsync(ActingIdentity identity, string roleName, CancellationToken cancellationToken);

    /// <summary>Returns an inline policy as decoded JSON text.</summary>
    Task<Result<string>> GetInlinePolicyAsync(ActingIdentity identity, string roleName, string policyName, CancellationToken cancellationToken);

    Task<Result<RoleSummary>> CreateRoleAsync(ActingIdentity identity, NewRole role, CancellationToken cancellationToken);
}
