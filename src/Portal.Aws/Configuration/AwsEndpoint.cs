namespace Portal.Aws.Configuration;

/// <summary>Where to send a service's requests and which region to sign for. IsCustom: not the real AWS endpoint.</summary>
internal sealed record AwsEndpoint(Uri Url, string SigningRegion, bool IsCustom, string Source);
