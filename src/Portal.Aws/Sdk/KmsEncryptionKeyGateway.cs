using Amazon.KeyManagementService.Model;
using Portal.Aws.Configuration;
using Portal.Aws.Credentials;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Parameters;

namespace Portal.Aws.Sdk;

/// <summary>kms:DescribeKey.</summary>
internal sealed class KmsEncryptionKeyGateway : IEncryptionKeyGateway
{
    private readonly IAwsCredentialSource _credentials;
    private readonly AwsSdkClientFactory _clients;

    public KmsEncryptionKeyGateway(IAwsCredentialSource credentials, AwsSdkClientFactory clients)
    {
        _credentials = credentials;
        _clients = clients;
    }

    public async Task<Result<EncryptionKeyInfo>> DescribeKeyAsync(ActingIdentity identity, string keyId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(keyId))
        {
            return Error.Validation("InvalidKeyId", "Name a key by id, ARN or alias.", nameof(keyId));
        }

        var credentials = await _credentials.GetCredentialsAsync(identity, cancellationToken).ConfigureAwait(false);
        if (!credentials.IsSuccess)
        {
            return credentials.Error!;
        }

        using var kms = _clients.CreateKms(credentials.Value);
        var response = await AwsSdkCalls.RunAsync(AwsService.Kms, "DescribeKey", () =>
            kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = keyId }, cancellationToken)).ConfigureAwait(false);
        return response.Map(r => new EncryptionKeyInfo(
            r.KeyMetadata.KeyId,
            r.KeyMetadata.Arn,
            r.KeyMetadata.KeyState?.Value,
            r.KeyMetadata.Description,
            r.KeyMetadata.KeyManager?.Value,
            r.KeyMetadata.CreationDate is { } created ? AwsSdkCalls.ToInstant(created) : null));
    }
}
