namespace Portal.LocalCloud.Protocols;

/// <summary>
/// An AWS-shaped error raised by a store or handler. <see cref="Code"/> is the code the clients read
/// (the model's <c>error.code</c>), <see cref="StatusCode"/> the HTTP status AWS answers with.
/// </summary>
public sealed class ServiceException : Exception
{
    public ServiceException(string code, string message, int statusCode = 400)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
    }

    public ServiceException()
        : this("InternalFailure", "Internal failure.", 500)
    {
    }

    public ServiceException(string message)
        : this("InternalFailure", message, 500)
    {
    }

    public ServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "InternalFailure";
        StatusCode = 500;
    }

    public string Code { get; }

    public int StatusCode { get; }

    /// <summary>True when the caller is at fault (the query protocol's <c>Type</c> is <c>Sender</c>).</summary>
    public bool IsSenderFault => StatusCode < 500;
}
