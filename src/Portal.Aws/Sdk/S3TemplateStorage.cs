using Amazon.S3.Model;
using Portal.Aws.Configuration;
using Portal.Aws.Credentials;
using Portal.Core.Catalog;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Aws.Sdk;

/// <summary>Template bodies in S3 (plain, un-chunked uploads), addressed path-style on custom endpoints.</summary>
internal sealed class S3TemplateStorage : ITemplateStorage
{
    private const int MaxTemplateBytes = 1_048_576;

    private readonly IAwsCredentialSource _credentials;
    private readonly AwsSdkClientFactory _clients;
    private readonly AwsEndpointResolver _endpoints;

    public S3TemplateStorage(IAwsCredentialSource credentials, AwsSdkClientFactory clients, AwsEndpointResolver endpoints)
    {
        _credentials = credentials;
        _clients = clients;
        _endpoints = endpoints;
    }

    public async Task<Result<StoredTemplate>> PutTemplateAsync(ActingIdentity identity, string bucket, string key, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(bucket) || string.IsNullOrWhiteSpace(key))
        {
            return Error.Validation("InvalidLocation", "A template needs a bucket and a key.", nameof(key));
        }

        if (body.Length > MaxTemplateBytes)
        {
            return Error.Validation("TemplateTooLarge", "A template may be at most 1 MB.", nameof(body));
        }

        var credentials = await _credentials.GetCredentialsAsync(identity, cancellationToken).ConfigureAwait(false);
        if (!credentials.IsSuccess)
        {
            return credentials.Error!;
        }

        using var s3 = _clients.CreateS3(credentials.Value);
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = stream,
            ContentType = key.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "application/x-yaml",
            UseChunkEncoding = false,
        };
        var response = await AwsSdkCalls.RunAsync(AwsService.S3, "PutObject", () => s3.PutObjectAsync(request, cancellationToken)).ConfigureAwait(false);
        return response.Map(r => new StoredTemplate(bucket, key, ObjectUrl(bucket, key), r.VersionId, r.ETag));
    }

    public async Task<Result<byte[]>> GetTemplateAsync(ActingIdentity identity, string bucket, string key, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetCredentialsAsync(identity, cancellationToken).ConfigureAwait(false);
        if (!credentials.IsSuccess)
        {
            return credentials.Error!;
        }

        using var s3 = _clients.CreateS3(credentials.Value);
        return await AwsSdkCalls.RunAsync(AwsService.S3, "GetObject", async () =>
        {
            using var response = await s3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }).ConfigureAwait(false);
    }

    /// <summary>The object's HTTPS URL: virtual-hosted on AWS, path-style on a custom endpoint.</summary>
    internal string ObjectUrl(string bucket, string key)
    {
        var endpoint = _endpoints.Resolve(AwsService.S3);
        var escapedKey = string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        return endpoint.IsCustom
            ? $"{endpoint.Url.GetLeftPart(UriPartial.Authority)}/{Uri.EscapeDataString(bucket)}/{escapedKey}"
            : $"https://{bucket}.{endpoint.Url.Host}/{escapedKey}";
    }
}
