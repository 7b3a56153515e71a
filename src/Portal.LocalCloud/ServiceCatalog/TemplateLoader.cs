using System.Text;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.S3;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>
/// Resolves <c>LoadTemplateFromURL</c> against LocalCloud's own S3 (offline: no network fetch).
/// Accepts path-style URLs on any host (<c>http://127.0.0.1:4566/bucket/key</c>,
/// <c>https://s3.eu-west-1.amazonaws.com/bucket/key</c>) and virtual-hosted ones
/// (<c>https://bucket.s3.eu-west-1.amazonaws.com/key</c>).
/// </summary>
public static class TemplateLoader
{
    public static string Load(string url, S3Store s3)
    {
        ArgumentNullException.ThrowIfNull(s3);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ServiceException("InvalidParametersException", $"Invalid templateURL: {url}");
        }

        string bucket;
        string key;
        var host = uri.Host;
        var marker = host.IndexOf(".s3", StringComparison.Ordinal);
        var path = uri.AbsolutePath.TrimStart('/');
        if (marker > 0 && host.EndsWith(".amazonaws.com", StringComparison.Ordinal))
        {
            bucket = host[..marker];
            key = path;
        }
        else
        {
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                throw new ServiceException("InvalidParametersException", $"Invalid templateURL: {url}");
            }

            bucket = path[..slash];
            key = path[(slash + 1)..];
        }

        var obj = s3.Find(Uri.UnescapeDataString(bucket), Uri.UnescapeDataString(key))
            ?? throw new ServiceException("InvalidParametersException", $"Unable to retrieve the template from {url}: the object does not exist in LocalCloud's S3.");
        return Encoding.UTF8.GetString(obj.Data);
    }
}
