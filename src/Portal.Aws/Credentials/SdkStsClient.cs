using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Portal.Aws.Configuration;
using Portal.Aws.Sdk;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Aws.Credentials;

/// <summary>STS through AWSSDK.SecurityToken, called with the portal's own credentials.</summary>
internal sealed class SdkStsClient : IStsClient
{
    private readonly AwsSdkClientFactory _clients;
    private readonly PortalCredentials _portal;

    public SdkStsClient(AwsSdkClientFactory clients, PortalCredentials portal)
    {
        _clients = clients;
        _portal = portal;
    }

    public async Task<Result<AssumedRole>> AssumeRoleAsync(AssumeRoleInput input, CancellationToken cancellationToken)
    {
        var credentials = _portal.Get();
        if (!credentials.IsSuccess)
        {
            return credentials.Error!;
        }

        using var sts = _clients.CreateSts(credentials.Value);
        var request = new AssumeRoleRequest
        {
            RoleArn = input.RoleArn,
            RoleSessionName = input.SessionName,
            SourceIdentity = input.SourceIdentity,
            DurationSeconds = input.DurationSeconds,
            Tags = input.Tags.Count == 0 ? null : input.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
        };
        return await AwsSdkCalls.RunAsync(AwsService.Sts, "AssumeRole", async () =>
        {
            var response = await sts.AssumeRoleAsync(request, cancellationToken).ConfigureAwait(false);
            var c = response.Credentials;
            return new AssumedRole(
                c.AccessKeyId,
                c.SecretAccessKey,
                c.SessionToken,
                c.Expiration is { } expiration ? AwsSdkCalls.ToInstant(expiration) : DateTimeOffset.MinValue,
                response.AssumedRoleUser?.Arn ?? input.RoleArn,
                response.SourceIdentity);
        }).ConfigureAwait(false);
    }

    public async Task<Result<CallerIdentity>> GetCallerIdentityAsync(AWSCredentials credentials, CancellationToken cancellationToken)
    {
        using var sts = _clients.CreateSts(credentials);
        return await AwsSdkCalls.RunAsync(AwsService.Sts, "GetCallerIdentity", async () =>
        {
            var response = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            return new CallerIdentity(response.Account, response.Arn, response.UserId);
        }).ConfigureAwait(false);
    }
}
