using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// A provisioner's answer: the physical id and GetAtt attributes, or a failure reason as the resource handler would
/// report it (HandlerErrorCode e.g. <c>InvalidRequest</c>, <c>AlreadyExists</c>, <c>NotFound</c>, <c>GeneralServiceException</c>).
/// </summary>
public sealed record ProvisioningResult
{
    private ProvisioningResult(bool succeeded, string? physicalId, IReadOnlyDictionary<string, JsonNode?> attributes, string? reason, string? code)
    {
        Succeeded = succeeded;
        PhysicalId = physicalId;
        Attributes = attributes;
        FailureReason = reason;
        HandlerErrorCode = code;
    }

    public bool Succeeded { get; }

    public string? PhysicalId { get; }

    public IReadOnlyDictionary<string, JsonNode?> Attributes { get; }

    public string? FailureReason { get; }

    public string? HandlerErrorCode { get; }

    public static ProvisioningResult Success(string physicalId, IReadOnlyDictionary<string, JsonNode?> attributes) =>
        new(true, physicalId, attributes, null, null);

    public static ProvisioningResult Failure(string reason, string? handlerErrorCode = "InvalidRequest") =>
        new(false, null, new Dictionary<string, JsonNode?>(), reason, handlerErrorCode);

    /// <summary>The event's ResourceStatusReason for a failure, in the registry handler's wording.</summary>
    public string StatusReason(string requestToken) =>
        HandlerErrorCode is null
            ? FailureReason ?? string.Empty
            : $"Resource handler returned message: \"{FailureReason}\" (RequestToken: {requestToken}, HandlerErrorCode: {HandlerErrorCode})";
}
