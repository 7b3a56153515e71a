using System.ComponentModel.DataAnnotations;

namespace Portal.Aws.Configuration;

/// <summary>Retry settings for throttling, 5xx and network errors: exponential backoff with jitter.</summary>
public sealed class AwsRetryOptions
{
    /// <summary>Retries after the first attempt (AWS's standard mode makes 3 attempts in all).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first backoff; doubles per retry. Zero is allowed (tests).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt may take before it is abandoned (and retried).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
