using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using Portal.Aws.Configuration;
using Portal.Aws.Credentials;
using Portal.Aws.Http;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Aws.Protocols;

/// <summary>
/// Sends one logical AWS call through the named HttpClient (retry → signer → network). The body is built once
/// by the caller, so every retry repeats the same bytes — including any idempotency token.
/// </summary>
internal sealed partial class AwsTransport
{
    public const string HttpClientName = "Portal.Aws";

    private readonly IHttpClientFactory _httpClients;
    private readonly AwsEndpointResolver _endpoints;
    private readonly IAwsCredentialSource _credentials;
    private readonly ILogger<AwsTransport> _logger;

    public AwsTransport(IHttpClientFactory httpClients, AwsEndpointResolver endpoints, IAwsCredentialSource credentials, ILogger<AwsTransport> logger)
    {
        _httpClients = httpClients;
        _endpoints = endpoints;
        _credentials = credentials;
        _logger = logger;
    }

    public async Task<Result<AwsRawResponse>> SendAsync(
        AwsService service,
        string operation,
        byte[] body,
        MediaTypeHeaderValue contentType,
        string? target,
        ActingIdentity identity,
        CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetCredentialsAsync(identity, cancellationToken).ConfigureAwait(false);
        if (!credentials.IsSuccess)
        {
            return credentials.Error!;
        }

        var endpoint = _endpoints.Resolve(service);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = contentType;
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        request.Options.Set(AwsSigningContext.Key, new AwsSigningContext(credentials.Value, service.SigningName, endpoint.SigningRegion));
        try
        {
            var client = _httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var requestId = FirstHeader(response, "x-amzn-RequestId") ?? FirstHeader(response, "x-amz-request-id");
            return new AwsRawResponse(response.StatusCode, bytes, requestId);
        }
        catch (HttpRequestException ex)
        {
            LogNetworkFailure(_logger, ex, service.Key, operation, endpoint.Url);
            return new Error(ErrorKind.Unavailable, "NetworkError", $"{service.Key} could not be reached at {endpoint.Url.Host}: {ex.Message}");
        }
        catch (TimeoutRejectedException ex)
        {
            LogNetworkFailure(_logger, ex, service.Key, operation, endpoint.Url);
            return new Error(ErrorKind.Unavailable, "Timeout", $"{service.Key} {operation} timed out.");
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogNetworkFailure(_logger, ex, service.Key, operation, endpoint.Url);
            return new Error(ErrorKind.Unavailable, "Timeout", $"{service.Key} {operation} timed out.");
        }
    }

    public Error Fail(AwsErrorDetails details)
    {
        LogAwsError(_logger, details.Service, details.Operation, (int)details.StatusCode, details.Code, details.RequestId, details.Message);
        return AwsErrorTranslator.ToError(details);
    }

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWS {Service} {Operation} failed with HTTP {Status} {Code} (request id {RequestId}): {AwsMessage}")]
    private static partial void LogAwsError(ILogger logger, string service, string operation, int status, string code, string? requestId, string awsMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWS {Service} {Operation} could not reach {Endpoint}")]
    private static partial void LogNetworkFailure(ILogger logger, Exception exception, string service, string operation, Uri endpoint);
}
