using Amazon;
using Amazon.Runtime.Signing;

namespace Portal.Aws.Http;

/// <summary>
/// Signs every attempt with SigV4 (AWSSDK.Core's public signer). It sits inside the retry handler, so each
/// retry is signed afresh with a current timestamp. Signs Content-Type, Host and every X-Amz-* header.
/// </summary>
internal sealed class AwsSigningHandler : DelegatingHandler
{
    private static readonly HashSet<string> SignerOwnedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "X-Amz-Date", "X-Amz-Content-SHA256", "X-Amz-Security-Token",
    };

    private readonly TimeProvider _time;

    public AwsSigningHandler(TimeProvider time) => _time = time;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(AwsSigningContext.Key, out var context))
        {
            throw new InvalidOperationException($"Request to {request.RequestUri} carries no signing context; Portal.Aws sends nothing unsigned.");
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri ?? throw new InvalidOperationException("Request has no URI."),
            Content = body,
        };
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signing.Headers["Content-Type"] = contentType.ToString();
        }

        foreach (var header in request.Headers)
        {
            if (header.Key.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase) && !SignerOwnedHeaders.Contains(header.Key))
            {
                signing.Headers[header.Key] = string.Join(",", header.Value.Select(v => v.Trim()));
            }
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = context.Credentials,
            Region = RegionEndpoint.GetBySystemName(context.Region),
            Service = context.SigningName,
            SignedAt = _time.GetUtcNow().UtcDateTime,
        };
        var signed = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken).ConfigureAwait(false);
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
