using System.Net;

namespace Portal.Aws.Protocols;

/// <summary>An AWS error as it came off the wire, before translation into a portal <see cref="Portal.Core.Common.Error"/>.</summary>
internal sealed record AwsErrorDetails(string Service, string Operation, HttpStatusCode StatusCode, string Code, string Message, string? RequestId);
