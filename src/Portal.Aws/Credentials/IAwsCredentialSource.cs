using Amazon.Runtime;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Aws.Credentials;

/// <summary>Gives the credentials a call runs under: the portal's own, or an assumed persona role's.</summary>
internal interface IAwsCredentialSource
{
    Task<Result<AWSCredentials>> GetCredentialsAsync(ActingIdentity identity, CancellationToken cancellationToken);
}
