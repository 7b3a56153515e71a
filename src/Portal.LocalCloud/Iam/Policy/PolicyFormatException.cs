namespace Portal.LocalCloud.Iam.Policy;

/// <summary>A policy document IAM would refuse: error code <c>MalformedPolicyDocument</c> (HTTP 400) with IAM's message.</summary>
public sealed class PolicyFormatException : Exception
{
    public const string ErrorCode = "MalformedPolicyDocument";

    public PolicyFormatException()
        : base("Syntax errors in policy.")
    {
    }

    public PolicyFormatException(string message)
        : base(message)
    {
    }

    public PolicyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
