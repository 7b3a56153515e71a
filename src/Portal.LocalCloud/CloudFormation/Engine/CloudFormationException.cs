namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// A refusal CloudFormation answers synchronously (HTTP 400): <see cref="ErrorCode"/> is AWS's error code
/// (<c>ValidationError</c>, <c>InsufficientCapabilitiesException</c>, <c>AlreadyExistsException</c>) and
/// <see cref="Exception.Message"/> is AWS's message text. Nothing has changed when this is thrown.
/// </summary>
public sealed class CloudFormationException : Exception
{
    public const string ValidationError = "ValidationError";
    public const string InsufficientCapabilities = "InsufficientCapabilitiesException";
    public const string AlreadyExists = "AlreadyExistsException";

    public CloudFormationException(string errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    public CloudFormationException()
        : this(ValidationError, "Template error")
    {
    }

    public CloudFormationException(string message)
        : this(ValidationError, message)
    {
    }

    public CloudFormationException(string message, Exception innerException)
        : base(message, innerException) => ErrorCode = ValidationError;

    public string ErrorCode { get; }

    internal static CloudFormationException Validation(string message) => new(ValidationError, message);
}
