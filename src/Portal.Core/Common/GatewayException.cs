namespace Portal.Core.Common;

/// <summary>
/// Raised while enumerating a paged listing (<see cref="IAsyncEnumerable{T}"/>) when a page cannot be fetched.
/// Single calls return <see cref="Result{T}"/> instead; a stream has no other way to report a failure midway.
/// </summary>
public sealed class GatewayException : Exception
{
    public GatewayException(Error error)
        : base(error?.ToString())
    {
        Error = error ?? throw new ArgumentNullException(nameof(error));
    }

    public GatewayException()
        : this(new Error(ErrorKind.Unavailable, "Unknown", "The cloud call failed."))
    {
    }

    public GatewayException(string message)
        : this(new Error(ErrorKind.Unavailable, "Unknown", message))
    {
    }

    public GatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new Error(ErrorKind.Unavailable, "Unknown", message);
    }

    public Error Error { get; }
}
