using System.Net;
using Polly;

namespace Portal.Aws.Http;

/// <summary>
/// Which outcomes are worth another attempt: network errors, timeouts, 429, 5xx, and AWS throttling,
/// which AWS reports as HTTP 400 with a throttling error code in the body.
/// </summary>
internal static class AwsRetryClassifier
{
    private static readonly string[] ThrottlingCodes = ["ThrottlingException", "\"Throttling\"", "<Code>Throttling</Code>", "RequestLimitExceeded", "TooManyRequestsException", "ProvisionedThroughputExceededException"];

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

        var status = (int)response.StatusCode;
        if (status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return false;
        }

        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return ThrottlingCodes.Any(code => body.Contains(code, StringComparison.Ordinal))
            || (response.Headers.TryGetValues("x-amzn-ErrorType", out var types) && types.Any(IsThrottlingCode));
    }

    public static bool IsThrottlingCode(string code) =>
        code.StartsWith("ThrottlingException", StringComparison.Ordinal) || code is "Throttling" or "RequestLimitExceeded" or "TooManyRequestsException" or "ProvisionedThroughputExceededException";
}
