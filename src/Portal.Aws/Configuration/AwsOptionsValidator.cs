using Microsoft.Extensions.Options;

namespace Portal.Aws.Configuration;

/// <summary>Checks what data annotations cannot: the mode, endpoint URLs, and keys given in pairs.</summary>
internal sealed partial class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        var failures = new List<string>();
        if (!string.Equals(options.Mode, AwsOptions.AwsMode, StringComparison.OrdinalIgnoreCase) && !options.IsLocalCloud)
        {
            failures.Add($"Cloud:Mode must be '{AwsOptions.LocalCloudMode}' or '{AwsOptions.AwsMode}', not '{options.Mode}'.");
        }

        if (options.ServiceUrl is not null && !IsHttpUrl(options.ServiceUrl))
        {
            failures.Add("Cloud:ServiceUrl must be an absolute http(s) URL.");
        }

        foreach (var (service, url) in options.Endpoints)
        {
            if (!AwsService.All.Any(s => string.Equals(s.Key, service, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"Cloud:Endpoints:{service} names no service Portal.Aws calls ({string.Join(", ", AwsService.All.Select(s => s.Key))}).");
            }
            else if (!IsHttpUrl(url))
            {
                failures.Add($"Cloud:Endpoints:{service} must be an absolute http(s) URL.");
            }
        }

        foreach (var (persona, arn) in options.Roles)
        {
            if (!string.IsNullOrWhiteSpace(arn) && !RoleArn().IsMatch(arn))
            {
                failures.Add($"Cloud:Roles:{persona} is not an IAM role ARN.");
            }
        }

        if (string.IsNullOrEmpty(options.AccessKeyId) != string.IsNullOrEmpty(options.SecretAccessKey))
        {
            failures.Add("Cloud:AccessKeyId and Cloud:SecretAccessKey must be given together.");
        }

        if (options.Retry.BaseDelay < TimeSpan.Zero || options.Retry.MaxDelay < options.Retry.BaseDelay)
        {
            failures.Add("Cloud:Retry delays must be non-negative, with MaxDelay ≥ BaseDelay.");
        }

        if (options.Retry.AttemptTimeout < TimeSpan.FromMilliseconds(10))
        {
            failures.Add("Cloud:Retry:AttemptTimeout must be at least 10 milliseconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")]
    private static partial System.Text.RegularExpressions.Regex RoleArn();

    private static bool IsHttpUrl(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
