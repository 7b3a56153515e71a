using Portal.Aws.Credentials;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Aws.Sdk;

/// <summary>sts:GetCallerIdentity under the identity's credentials.</summary>
internal sealed class StsCallerIdentityGateway : ICallerIdentityGateway
{
    private readonly IAwsCredentialSource _credentials;
    private readonly IStsClient _sts;

    public StsCallerIdentityGateway(IAwsCredentialSource credentials, IStsClient sts)
    {
        _credentials = credentials;
        _sts = sts;
    }

    public async Task<Result<CallerIdentity>> GetCallerIdentityAsync(ActingIdentity identity, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetCredentialsAsync(identity, cancellationToken).ConfigureAwait(false);
        if (!credentials.IsSuccess)
        {
            return credentials.Error!;
        }

        return await _sts.GetCallerIdentityAsync(credentials.Value, cancellationToken).ConfigureAwait(false);
    }
}
