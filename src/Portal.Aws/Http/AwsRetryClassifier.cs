using System.Net;
using Polly;
using Portal.Aws.Protocols;

namespace Portal.Aws.Http;

/// <summary>
/// Which outcomes are worth another attempt: network errors, timeouts, 429, 500/502/503/504, and AWS throttling,
/// which AWS reports as HTTP 400 with a throttling error code (JSON <c>__type</c> or Query <c>&lt;Code&gt;</c>).
/// </summary>
internal static class AwsRetryClassifier
{
    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
        }

        var response = outcome.Result;
        if (response is null)
        {
            return false;
        }

        // Transient server answers only (botocore's standard mode: 500, 502, 503, 504); 501 Not Implemented and
        // other 5xx answers will not change on a retry.
        if (response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return false;
        }

        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var types) && types.Any(t => IsThrottlingCode(t.Split(':')[0])))
        {
            return true;
        }

        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var raw = new AwsRawResponse(response.StatusCode, body, null);
        var details = LooksLikeXml(body)
            ? AwsQueryProtocolClient.ParseError(string.Empty, string.Empty, raw)
            : AwsJsonProtocolClient.ParseError(string.Empty, string.Empty, raw);
        return IsThrottlingCode(details.Code);
    }

    public static bool IsThrottlingCode(string code) =>
        code is "ThrottlingException" or "Throttling" or "ThrottledException" or "RequestLimitExceeded" or "TooManyRequestsException"
            or "ProvisionedThroughputExceededException" or "RequestThrottled" or "RequestThrottledException" or "SlowDown";

    private static bool LooksLikeXml(byte[] body)
    {
        foreach (var b in body)
        {
            if (!char.IsWhiteSpace((char)b))
            {
                return b == (byte)'<';
            }
        }

        return false;
    }
}
