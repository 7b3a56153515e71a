using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Parameters;

/// <summary>Reads encryption keys (a project's KMS key).</summary>
public interface IEncryptionKeyGateway
{
    Task<Result<EncryptionKeyInfo>> DescribeKeyAsync(ActingIdentity identity, string keyId, CancellationToken cancellationToken);
}
