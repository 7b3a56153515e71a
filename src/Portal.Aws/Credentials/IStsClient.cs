using Amazon.Runtime;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Aws.Credentials;

/// <summary>The two STS calls the portal makes (a seam so role caching is testable without a network).</summary>
internal interface IStsClient
{
    Task<Result<AssumedRole>> AssumeRoleAsync(AssumeRoleInput input, CancellationToken cancellationToken);

    Task<Result<CallerIdentity>> GetCallerIdentityAsync(AWSCredentials credentials, CancellationToken cancellationToken);
}
