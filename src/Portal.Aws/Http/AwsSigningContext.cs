using Amazon.Runtime;

namespace Portal.Aws.Http;

/// <summary>What the signing handler needs for one request: whose credentials, which service and region.</summary>
internal sealed record AwsSigningContext(AWSCredentials Credentials, string SigningName, string Region)
{
    public static readonly HttpRequestOptionsKey<AwsSigningContext> Key = new("Portal.Aws.Signing");
}
