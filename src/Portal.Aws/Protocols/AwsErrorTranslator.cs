using System.Net;
using Portal.Core.Common;

namespace Portal.Aws.Protocols;

/// <summary>
/// Maps AWS error codes (modelled or not) to the portal's small set of error kinds. The portal error keeps
/// the AWS code as its Code, and the AWS message with the request id as its Message.
/// </summary>
internal static class AwsErrorTranslator
{
    private static readonly Dictionary<string, ErrorKind> KindByCode = new(StringComparer.Ordinal)
    {
        ["ResourceNotFoundException"] = ErrorKind.NotFound,
        ["ResourceNotFound"] = ErrorKind.NotFound,
        ["NoSuchEntity"] = ErrorKind.NotFound,
        ["NotFoundException"] = ErrorKind.NotFound,
        ["NoSuchBucket"] = ErrorKind.NotFound,
        ["NoSuchKey"] = ErrorKind.NotFound,
        ["NotFound"] = ErrorKind.NotFound,
        ["ParameterNotFound"] = ErrorKind.NotFound,
        ["StackNotFoundException"] = ErrorKind.NotFound,
        ["AccessDenied"] = ErrorKind.Denied,
        ["AccessDeniedException"] = ErrorKind.Denied,
        ["UnauthorizedOperation"] = ErrorKind.Denied,
        ["AuthFailure"] = ErrorKind.Denied,
        ["ExpiredToken"] = ErrorKind.Denied,
        ["ExpiredTokenException"] = ErrorKind.Denied,
        ["InvalidClientTokenId"] = ErrorKind.Denied,
        ["UnrecognizedClientException"] = ErrorKind.Denied,
        ["SignatureDoesNotMatch"] = ErrorKind.Denied,
        ["InvalidSignatureException"] = ErrorKind.Denied,
        ["IncompleteSignature"] = ErrorKind.Denied,
        ["IncompleteSignatureException"] = ErrorKind.Denied,
        ["MissingAuthenticationToken"] = ErrorKind.Denied,
        ["MissingAuthenticationTokenException"] = ErrorKind.Denied,
        ["InvalidAccessKeyId"] = ErrorKind.Denied,
        ["RegionDisabledException"] = ErrorKind.Denied,
        ["InvalidParametersException"] = ErrorKind.Validation,
        ["InvalidInput"] = ErrorKind.Validation,
        ["MalformedPolicyDocument"] = ErrorKind.Validation,
        ["ValidationException"] = ErrorKind.Validation,
        ["ValidationError"] = ErrorKind.Validation,
        ["InvalidParameterValue"] = ErrorKind.Validation,
        ["InvalidParameterCombination"] = ErrorKind.Validation,
        ["MissingParameter"] = ErrorKind.Validation,
        ["InsufficientCapabilitiesException"] = ErrorKind.Validation,
        ["SerializationException"] = ErrorKind.Validation,
        ["InvalidKeyId"] = ErrorKind.Validation,
        ["DuplicateResourceException"] = ErrorKind.Conflict,
        ["ResourceInUseException"] = ErrorKind.Conflict,
        ["ResourceInUse"] = ErrorKind.Conflict,
        ["EntityAlreadyExists"] = ErrorKind.Conflict,
        ["AlreadyExistsException"] = ErrorKind.Conflict,
        ["ConflictException"] = ErrorKind.Conflict,
        ["InvalidStateException"] = ErrorKind.Conflict,
        ["TokenAlreadyExistsException"] = ErrorKind.Conflict,
        ["DeleteConflict"] = ErrorKind.Conflict,
        ["BucketAlreadyOwnedByYou"] = ErrorKind.Conflict,
        ["LimitExceededException"] = ErrorKind.LimitExceeded,
        ["LimitExceeded"] = ErrorKind.LimitExceeded,
        ["ResourceLimitExceeded"] = ErrorKind.LimitExceeded,
        ["ServiceQuotaExceededException"] = ErrorKind.LimitExceeded,
        ["ThrottlingException"] = ErrorKind.Throttled,
        ["Throttling"] = ErrorKind.Throttled,
        ["RequestLimitExceeded"] = ErrorKind.Throttled,
        ["TooManyRequestsException"] = ErrorKind.Throttled,
        ["ServiceFailure"] = ErrorKind.Unavailable,
        ["ServiceUnavailable"] = ErrorKind.Unavailable,
        ["InternalFailure"] = ErrorKind.Unavailable,
        ["InternalError"] = ErrorKind.Unavailable,
        ["InternalServerError"] = ErrorKind.Unavailable,
    };

    public static Error ToError(AwsErrorDetails details, string? target = null)
    {
        var kind = Classify(details.StatusCode, details.Code, details.Message);
        var message = string.IsNullOrWhiteSpace(details.Message) ? $"{details.Service} {details.Operation} failed." : details.Message;
        if (details.RequestId is { Length: > 0 } requestId)
        {
            message = $"{message} (AWS request id {requestId})";
        }

        return new Error(kind, details.Code, message, target);
    }

    public static ErrorKind Classify(HttpStatusCode status, string code, string? message)
    {
        if (KindByCode.TryGetValue(code, out var kind))
        {
            // SageMaker and CloudFormation report a missing resource as a plain validation error
            // (SageMaker: "RecordNotFound" for a notebook, "Could not find endpoint …" for an endpoint). Other
            // services' validation codes (e.g. Service Catalog's InvalidParametersException) stay validation errors.
            if (code is "ValidationException" or "ValidationError" && message is not null && SaysNotFound(message))
            {
                return ErrorKind.NotFound;
            }

            return kind;
        }

        // EC2 names a missing resource <Thing>.NotFound (InvalidSubnetID.NotFound, InvalidGroup.NotFound, …).
        if (code.EndsWith(".NotFound", StringComparison.Ordinal))
        {
            return ErrorKind.NotFound;
        }

        if (Http.AwsRetryClassifier.IsThrottlingCode(code))
        {
            return ErrorKind.Throttled;
        }

        return (int)status switch
        {
            401 or 403 => ErrorKind.Denied,
            404 => ErrorKind.NotFound,
            409 => ErrorKind.Conflict,
            429 => ErrorKind.Throttled,
            >= 500 => ErrorKind.Unavailable,
            _ => ErrorKind.Validation,
        };
    }

    private static bool SaysNotFound(string message) =>
        message.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
        || message.Contains("not found", StringComparison.OrdinalIgnoreCase)
        || message.Contains("could not find", StringComparison.OrdinalIgnoreCase)
        || message.Contains("RecordNotFound", StringComparison.Ordinal);
}
