using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.ServiceCatalog;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>
/// Reads <c>TemplateURL</c>s from LocalCloud's own S3, in every AWS S3 URL form (<c>https://s3.amazonaws.com/b/k</c>,
/// <c>https://s3.&lt;region&gt;.amazonaws.com/b/k</c>, <c>https://b.s3.amazonaws.com/k</c>,
/// <c>https://b.s3.&lt;region&gt;.amazonaws.com/k</c>) and LocalCloud's own path-style URL.
/// </summary>
public sealed class S3TemplateSource : ITemplateSource
{
    private readonly CloudStateHolder _holder;

    public S3TemplateSource(CloudStateHolder holder) => _holder = holder;

    public Task<string?> GetTemplateBodyAsync(string templateUrl, CancellationToken cancellationToken)
    {
        lock (_holder.Gate)
        {
            try
            {
                return Task.FromResult<string?>(TemplateLoader.Load(templateUrl, _holder.State.S3));
            }
            catch (ServiceException)
            {
                return Task.FromResult<string?>(null);
            }
        }
    }
}
