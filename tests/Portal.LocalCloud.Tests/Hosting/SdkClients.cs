using Amazon.EC2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SimpleSystemsManagement;

namespace Portal.LocalCloud.Tests.Hosting;

/// <summary>The official AWSSDK clients pointed at a LocalCloud endpoint.</summary>
public static class SdkClients
{
    public const string Region = "eu-west-1";

    public static AWSCredentials Default { get; } = new BasicAWSCredentials("test", "test");

    public static AmazonS3Client S3(string endpoint, AWSCredentials? credentials = null) =>
        new(credentials ?? Default, new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = Region, MaxErrorRetry = 0 });

    public static AmazonKeyManagementServiceClient Kms(string endpoint, AWSCredentials? credentials = null) =>
        new(credentials ?? Default, new AmazonKeyManagementServiceConfig { ServiceURL = endpoint, AuthenticationRegion = Region, MaxErrorRetry = 0 });

    public static AmazonSimpleSystemsManagementClient Ssm(string endpoint, AWSCredentials? credentials = null) =>
        new(credentials ?? Default, new AmazonSimpleSystemsManagementConfig { ServiceURL = endpoint, AuthenticationRegion = Region, MaxErrorRetry = 0 });

    public static AmazonSecurityTokenServiceClient Sts(string endpoint, AWSCredentials? credentials = null) =>
        new(credentials ?? Default, new AmazonSecurityTokenServiceConfig { ServiceURL = endpoint, AuthenticationRegion = Region, MaxErrorRetry = 0 });

    public static AmazonEC2Client Ec2(string endpoint, AWSCredentials? credentials = null) =>
        new(credentials ?? Default, new AmazonEC2Config { ServiceURL = endpoint, AuthenticationRegion = Region, MaxErrorRetry = 0 });
}
