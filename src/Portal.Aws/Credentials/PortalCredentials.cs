using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Options;
using Portal.Aws.Configuration;
using Portal.Core.Common;

namespace Portal.Aws.Credentials;

/// <summary>
/// The portal's own credentials: static keys from configuration; in LocalCloud mode without keys or profile,
/// LocalCloud's default <c>test</c>/<c>test</c>; a named profile; otherwise the SDK default chain
/// (environment, profile, SSO, container, instance metadata). Found credentials are kept (the SDK refreshes
/// temporary ones itself); a failed lookup is retried on the next call, e.g. after an SSO login.
/// </summary>
internal sealed class PortalCredentials
{
    public const string LocalCloudAccessKeyId = "test";

    private readonly AwsOptions _options;
    private readonly Lock _gate = new();
    private AWSCredentials? _credentials;

    public PortalCredentials(IOptions<AwsOptions> options) => _options = options.Value;

    public Result<AWSCredentials> Get()
    {
        lock (_gate)
        {
            if (_credentials is not null)
            {
                return _credentials;
            }

            var resolved = Resolve(_options);
            if (resolved.IsSuccess)
            {
                _credentials = resolved.Value;
            }

            return resolved;
        }
    }

    private static Result<AWSCredentials> Resolve(AwsOptions options)
    {
        if (!string.IsNullOrEmpty(options.AccessKeyId) && !string.IsNullOrEmpty(options.SecretAccessKey))
        {
            return new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey);
        }

        if (options.IsLocalCloud && string.IsNullOrEmpty(options.Profile))
        {
            return new BasicAWSCredentials(LocalCloudAccessKeyId, "test");
        }

        try
        {
            if (!string.IsNullOrEmpty(options.Profile))
            {
                return new CredentialProfileStoreChain().TryGetAWSCredentials(options.Profile, out var profileCredentials)
                    ? profileCredentials
                    : Error.Denied("NoCredentials", $"AWS profile '{options.Profile}' was not found in the shared config or credentials files.");
            }

            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException ex)
        {
            return Error.Denied("NoCredentials", $"No AWS credentials were found (environment, profile, SSO, container or instance metadata): {ex.Message}");
        }
    }
}
