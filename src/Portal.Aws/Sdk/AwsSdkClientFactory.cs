using Amazon;
using Amazon.EC2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Options;
using Portal.Aws.Configuration;

namespace Portal.Aws.Sdk;

/// <summary>
/// Builds AWSSDK clients for given credentials. With a custom endpoint: ServiceURL plus AuthenticationRegion
/// (otherwise the SDK signs for us-east-1) and, for S3, path-style addressing. SDK clients use the SDK's standard retry.
/// </summary>
internal sealed class AwsSdkClientFactory
{
    private readonly IOptionsMonitor<AwsOptions> _options;
    private readonly AwsEndpointResolver _endpoints;
    private readonly HttpClientFactory? _httpClientFactory;

    public AwsSdkClientFactory(IOptionsMonitor<AwsOptions> options, AwsEndpointResolver endpoints, HttpClientFactory? httpClientFactory = null)
    {
        _options = options;
        _endpoints = endpoints;
        _httpClientFactory = httpClientFactory;
    }

    public IAmazonSecurityTokenService CreateSts(AWSCredentials credentials) =>
        new AmazonSecurityTokenServiceClient(credentials, Configure(new AmazonSecurityTokenServiceConfig(), AwsService.Sts));

    public IAmazonS3 CreateS3(AWSCredentials credentials)
    {
        var config = Configure(new AmazonS3Config(), AwsService.S3);
        config.ForcePathStyle = _endpoints.Resolve(AwsService.S3).IsCustom;
        return new AmazonS3Client(credentials, config);
    }

    public IAmazonKeyManagementService CreateKms(AWSCredentials credentials) =>
        new AmazonKeyManagementServiceClient(credentials, Configure(new AmazonKeyManagementServiceConfig(), AwsService.Kms));

    public IAmazonSimpleSystemsManagement CreateSsm(AWSCredentials credentials) =>
        new AmazonSimpleSystemsManagementClient(credentials, Configure(new AmazonSimpleSystemsManagementConfig(), AwsService.Ssm));

    public IAmazonEC2 CreateEc2(AWSCredentials credentials) =>
        new AmazonEC2Client(credentials, Configure(new AmazonEC2Config(), AwsService.Ec2));

    internal TConfig Configure<TConfig>(TConfig config, AwsService service)
        where TConfig : ClientConfig
    {
        var options = _options.CurrentValue;
        var endpoint = _endpoints.Resolve(service);
        if (endpoint.IsCustom)
        {
            config.ServiceURL = endpoint.Url.ToString();
            config.AuthenticationRegion = endpoint.SigningRegion;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = options.Retry.MaxRetries;
        if (_httpClientFactory is not null)
        {
            config.HttpClientFactory = _httpClientFactory;
        }

        return config;
    }
}
