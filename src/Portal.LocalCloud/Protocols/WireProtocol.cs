namespace Portal.LocalCloud.Protocols;

/// <summary>The AWS wire protocols LocalCloud speaks.</summary>
public enum WireProtocol
{
    Json,
    Query,
    Ec2,
    RestXml,
}
