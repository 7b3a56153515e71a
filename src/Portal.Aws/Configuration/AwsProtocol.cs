namespace Portal.Aws.Configuration;

/// <summary>The wire protocol of a service, as botocore's models name it.</summary>
internal enum AwsProtocol
{
    Json,
    Query,
    RestXml,
    Ec2,
}
