using System.Net;

namespace Portal.Aws.Protocols;

/// <summary>A response as received: status, body bytes and the request id header (if any).</summary>
internal sealed record AwsRawResponse(HttpStatusCode StatusCode, byte[] Body, string? RequestId)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;
}
