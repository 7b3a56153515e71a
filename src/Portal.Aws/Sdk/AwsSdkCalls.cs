using Amazon.Runtime;
using Portal.Aws.Configuration;
using Portal.Aws.Protocols;
using Portal.Core.Common;

namespace Portal.Aws.Sdk;

/// <summary>Runs an AWSSDK call and translates its exceptions into portal errors, like the hand-written clients do.</summary>
internal static class AwsSdkCalls
{
    /// <summary>An SDK timestamp as an instant, whatever DateTimeKind the SDK gave it.</summary>
    public static DateTimeOffset ToInstant(DateTime value) =>
        new(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static async Task<Result<T>> RunAsync<T>(AwsService service, string operation, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            return AwsErrorTranslator.ToError(new AwsErrorDetails(service.Key, operation, ex.StatusCode, ex.ErrorCode ?? "Unknown", ex.Message, ex.RequestId));
        }
        catch (AmazonClientException ex)
        {
            return new Error(ErrorKind.Unavailable, "ClientError", $"{service.Key} {operation} failed before an answer: {ex.Message}");
        }
        catch (HttpRequestException ex)
        {
            return new Error(ErrorKind.Unavailable, "NetworkError", $"{service.Key} could not be reached: {ex.Message}");
        }
    }
}
