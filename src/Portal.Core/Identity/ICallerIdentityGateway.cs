using Portal.Core.Common;

namespace Portal.Core.Identity;

/// <summary>Asks the cloud who a caller is (a cheap credentials check).</summary>
public interface ICallerIdentityGateway
{
    Task<Result<CallerIdentity>> GetCallerIdentityAsync(ActingIdentity identity, CancellationToken cancellationToken);
}
