namespace Portal.Aws.Configuration;

/// <summary>
/// Wire facts for one service (aws-wire.md §1). Key is botocore's model folder and the
/// <c>Cloud:Endpoints</c> key; EndpointId is the <c>AWS_ENDPOINT_URL_&lt;ID&gt;</c> suffix.
/// </summary>
internal sealed record AwsService(
    string Key,
    string EndpointId,
    string SigningName,
    AwsProtocol Protocol,
    string ApiVersion,
    string? TargetPrefix,
    string HostTemplate,
    string? GlobalSigningRegion = null)
{
    public static AwsService ServiceCatalog { get; } = new("servicecatalog", "SERVICE_CATALOG", "servicecatalog", AwsProtocol.Json, "2015-12-10", "AWS242ServiceCatalogService", "servicecatalog.{region}.amazonaws.com");

    public static AwsService SageMaker { get; } = new("sagemaker", "SAGEMAKER", "sagemaker", AwsProtocol.Json, "2017-07-24", "SageMaker", "api.sagemaker.{region}.amazonaws.com");

    public static AwsService Iam { get; } = new("iam", "IAM", "iam", AwsProtocol.Query, "2010-05-08", null, "iam.amazonaws.com", GlobalSigningRegion: "us-east-1");

    public static AwsService CloudFormation { get; } = new("cloudformation", "CLOUDFORMATION", "cloudformation", AwsProtocol.Query, "2010-05-15", null, "cloudformation.{region}.amazonaws.com");

    public static AwsService S3 { get; } = new("s3", "S3", "s3", AwsProtocol.RestXml, "2006-03-01", null, "s3.{region}.amazonaws.com");

    public static AwsService Kms { get; } = new("kms", "KMS", "kms", AwsProtocol.Json, "2014-11-01", "TrentService", "kms.{region}.amazonaws.com");

    public static AwsService Ssm { get; } = new("ssm", "SSM", "ssm", AwsProtocol.Json, "2014-11-06", "AmazonSSM", "ssm.{region}.amazonaws.com");

    public static AwsService Ec2 { get; } = new("ec2", "EC2", "ec2", AwsProtocol.Ec2, "2016-11-15", null, "ec2.{region}.amazonaws.com");

    public static AwsService Sts { get; } = new("sts", "STS", "sts", AwsProtocol.Query, "2011-06-15", null, "sts.{region}.amazonaws.com");

    public static IReadOnlyList<AwsService> All { get; } = [ServiceCatalog, SageMaker, Iam, CloudFormation, S3, Kms, Ssm, Ec2, Sts];
}
