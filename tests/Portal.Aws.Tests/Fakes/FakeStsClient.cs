using Amazon.Runtime;
using Portal.Aws.Credentials;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Aws.Tests.Fakes;

/// <summary>Answers AssumeRole with numbered keys valid for a set lifetime from the given clock; records every call.</summary>
internal sealed class FakeStsClient(TimeProvider time, TimeSpan lifetime) : IStsClient
{
    public List<AssumeRoleInput> Calls { get; } = [];

    public Error? FailWith { get; set; }

    public Task<Result<AssumedRole>> AssumeRoleAsync(AssumeRoleInput input, CancellationToken cancellationToken)
    {
        Calls.Add(input);
        if (FailWith is { } error)
        {
            return Task.FromResult(Result<AssumedRole>.Failure(error));
        }

        var n = Calls.Count;
        var role = new AssumedRole($"ASIA{n:D4}", $"secret{n}", $"token{n}", time.GetUtcNow() + lifetime, $"{input.RoleArn.Replace(":role/", ":assumed-role/", StringComparison.Ordinal)}/{input.SessionName}", input.SourceIdentity);
        return Task.FromResult(Result<AssumedRole>.Success(role));
    }

    public Task<Result<CallerIdentity>> GetCallerIdentityAsync(AWSCredentials credentials, CancellationToken cancellationToken) =>
        Task.FromResult(Result<CallerIdentity>.Success(new CallerIdentity("000000000000", "arn:aws:iam::000000000000:root", "AIDA")));
}
