using Portal.Core.Common;

namespace Portal.Core.Identity;

/// <summary>Assumes persona roles for users and keeps the sessions until shortly before they expire.</summary>
public interface IRoleSessionProvider
{
    /// <summary>Returns a live session for the identity's role and user, assuming the role when none is cached.</summary>
    Task<Result<RoleSession>> GetSessionAsync(ActingIdentity identity, CancellationToken cancellationToken);
}
