using System.Net.Http.Headers;
using System.Text.Json;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Aws.Protocols;

/// <summary>AWS JSON 1.1: POST / with X-Amz-Target; errors are <c>{"__type":…,"message":…}</c>.</summary>
internal sealed class AwsJsonProtocolClient
{
    private static readonly MediaTypeHeaderValue ContentType = new("application/x-amz-json-1.1");

    private readonly AwsTransport _transport;

    public AwsJsonProtocolClient(AwsTransport transport) => _transport = transport;

    public async Task<Result<TResponse>> SendAsync<TRequest, TResponse>(
        AwsOperation<TRequest, TResponse> operation,
        TRequest request,
        ActingIdentity identity,
        CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class, new()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, AwsJson.Options);
        var target = $"{operation.Service.TargetPrefix}.{operation.Name}";
        var sent = await _transport.SendAsync(operation.Service, operation.Name, body, ContentType, target, identity, cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return sent.Error!;
        }

        var response = sent.Value;
        if (!response.IsSuccess)
        {
            return _transport.Fail(ParseError(operation.Service.Key, operation.Name, response));
        }

        if (response.Body.Length == 0)
        {
            return new TResponse();
        }

        try
        {
            return JsonSerializer.Deserialize<TResponse>(response.Body, AwsJson.Options) ?? new TResponse();
        }
        catch (JsonException ex)
        {
            return new Error(ErrorKind.Unavailable, "MalformedResponse", $"{operation.Service.Key} {operation.Name} answered JSON the portal cannot read: {ex.Message}");
        }
    }

    /// <summary>Reads the error code from <c>__type</c> (stripping a <c>ns#</c> prefix and a <c>:http…</c> suffix) or the x-amzn-ErrorType header.</summary>
    public static AwsErrorDetails ParseError(string service, string operation, AwsRawResponse response)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Name is "__type" or "code" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        code ??= property.Value.GetString();
                    }
                    else if (property.Name is "message" or "Message" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        message ??= property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            message = System.Text.Encoding.UTF8.GetString(response.Body);
        }

        code = Normalise(code) ?? "Unknown";
        return new AwsErrorDetails(service, operation, response.StatusCode, code, message ?? string.Empty, response.RequestId);
    }

    private static string? Normalise(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? code[..colon] : code;
    }
}
