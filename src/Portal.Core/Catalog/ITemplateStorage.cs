using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Catalog;

/// <summary>Stores template bodies where the catalog and CloudFormation can load them.</summary>
public interface ITemplateStorage
{
    Task<Result<StoredTemplate>> PutTemplateAsync(ActingIdentity identity, string bucket, string key, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    Task<Result<byte[]>> GetTemplateAsync(ActingIdentity identity, string bucket, string key, CancellationToken cancellationToken);
}
