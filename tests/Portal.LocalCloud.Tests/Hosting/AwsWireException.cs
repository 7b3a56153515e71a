namespace Portal.LocalCloud.Tests.Hosting;

/// <summary>An AWS error as <see cref="AwsWireClient"/> parsed it from the wire.</summary>
public sealed class AwsWireException : Exception
{
    public AwsWireException(string code, string message, int status, IReadOnlyDictionary<string, string> headers)
        : base($"{code}: {message}")
    {
        Code = code;
        Status = status;
        Headers = headers;
    }

    public AwsWireException()
        : this("?", string.Empty, 0, new Dictionary<string, string>())
    {
    }

    public AwsWireException(string message)
        : this("?", message, 0, new Dictionary<string, string>())
    {
    }

    public AwsWireException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "?";
        Headers = new Dictionary<string, string>();
    }

    public string Code { get; }

    public int Status { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }
}
