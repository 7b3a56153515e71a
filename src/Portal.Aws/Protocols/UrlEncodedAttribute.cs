namespace Portal.Aws.Protocols;

/// <summary>Marks a query-protocol response member that arrives URL-encoded (IAM policy documents).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class UrlEncodedAttribute : Attribute;
