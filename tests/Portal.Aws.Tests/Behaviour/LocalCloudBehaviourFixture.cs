using Amazon.EC2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Aws.Protocols;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>
/// One LocalCloud on a real loopback port for the behaviour tests, and Portal.Aws built against it exactly as the
/// portal composes it (<c>AddPortalAws</c>, Cloud:Mode=LocalCloud, Cloud:ServiceUrl=that URL, keys test/test,
/// zero retry delays, the system clock so signatures are current). Tests use unique names, so they share it.
/// </summary>
public sealed class LocalCloudBehaviourFixture : IAsyncLifetime
{
    public const string Region = "eu-west-1";
    public const string Account = "000000000000";

    private static int _counter;
    private readonly Action<IServiceCollection>? _configureLocalCloud;
    private LocalCloudServer? _server;
    private AwsTestHost? _portal;

    public LocalCloudBehaviourFixture()
    {
    }

    /// <summary>A separate LocalCloud whose services can be replaced before <c>AddLocalCloud</c> (which uses TryAdd), e.g. to pin an engine.</summary>
    internal LocalCloudBehaviourFixture(Action<IServiceCollection> configureLocalCloud) => _configureLocalCloud = configureLocalCloud;

    internal LocalCloudServer Server => _server ?? throw new InvalidOperationException("LocalCloud is not started.");

    internal AwsTestHost Portal => _portal ?? throw new InvalidOperationException("LocalCloud is not started.");

    internal RecordingLoggerProvider Logs { get; } = new();

    internal static AWSCredentials TestKeys { get; } = new BasicAWSCredentials("test", "test");

    public async ValueTask InitializeAsync()
    {
        _server = await LocalCloudServer.StartAsync(_configureLocalCloud, TestContext.Current.CancellationToken);
        _portal = CreatePortal(_server, Logs);
    }

    public async ValueTask DisposeAsync()
    {
        _portal?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Portal.Aws against <paramref name="server"/>, optionally with other settings (e.g. a wrong secret key).</summary>
    internal static AwsTestHost CreatePortal(LocalCloudServer server, RecordingLoggerProvider? logs = null, IDictionary<string, string?>? settings = null, ResponseRecorder? responses = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Cloud:Mode"] = "LocalCloud",
            ["Cloud:Region"] = Region,
            ["Cloud:ServiceUrl"] = server.Url,
            ["Cloud:AccessKeyId"] = "test",
            ["Cloud:SecretAccessKey"] = "test",
            ["Cloud:Retry:MaxRetries"] = "2",
            ["Cloud:Retry:BaseDelay"] = "00:00:00",
            ["Cloud:Retry:MaxDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return AwsTestHost.Create(settings: values, time: TimeProvider.System, configure: services =>
        {
            if (logs is not null)
            {
                services.AddSingleton<ILoggerProvider>(logs);
            }

            if (responses is not null)
            {
                services.AddHttpClient(AwsTransport.HttpClientName).AddHttpMessageHandler(responses.CreateHandler);
            }
        });
    }

    /// <summary>A name no other test uses, e.g. <c>nb-7</c>.</summary>
    internal static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    internal T Get<T>()
        where T : notnull => Portal.Get<T>();

    internal SignedWireClient Wire() => new(Server.Endpoint, TestKeys, Region);

    internal AmazonS3Client S3() => new(TestKeys, new AmazonS3Config { ServiceURL = Server.Url, ForcePathStyle = true, AuthenticationRegion = Region });

    internal AmazonSimpleSystemsManagementClient Ssm() => new(TestKeys, new AmazonSimpleSystemsManagementConfig { ServiceURL = Server.Url, AuthenticationRegion = Region });

    internal AmazonKeyManagementServiceClient Kms() => new(TestKeys, new AmazonKeyManagementServiceConfig { ServiceURL = Server.Url, AuthenticationRegion = Region });

    internal AmazonEC2Client Ec2() => new(TestKeys, new AmazonEC2Config { ServiceURL = Server.Url, AuthenticationRegion = Region });

    /// <summary>
    /// Creates a persona role (through the portal's IRoleGateway) that the account root may assume with a source identity and
    /// session tags, with an inline catalog end-user policy.
    /// </summary>
    internal async Task<string> CreatePersonaRoleAsync(string name, CancellationToken cancellationToken)
    {
        var trust = $$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:root"},"Action":["sts:AssumeRole","sts:SetSourceIdentity","sts:TagSession"]}]}
            """;
        var created = await Get<IRoleGateway>().CreateRoleAsync(ActingIdentity.Portal, new NewRole(name, trust, Description: "behaviour test persona"), cancellationToken);
        if (!created.IsSuccess)
        {
            throw new InvalidOperationException($"Could not create role {name}: {created.Error}");
        }

        // What a catalog end user holds (like AWSServiceCatalogEndUserFullAccess), so the role works once LocalCloud authorizes calls.
        using var wire = Wire();
        await wire.IamAsync("PutRolePolicy", new Dictionary<string, string>
        {
            ["RoleName"] = name,
            ["PolicyName"] = "catalog-end-user",
            ["PolicyDocument"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["servicecatalog:*","cloudformation:*"],"Resource":"*"}]}""",
        }, cancellationToken);
        return created.Value.Arn;
    }

    /// <summary>A Service Catalog launch role (trusting servicecatalog.amazonaws.com) with <paramref name="policy"/> inline.</summary>
    internal async Task<string> CreateLaunchRoleAsync(string name, string policy, CancellationToken cancellationToken)
    {
        const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"servicecatalog.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        var created = await Get<IRoleGateway>().CreateRoleAsync(ActingIdentity.Portal, new NewRole(name, Trust, Description: "behaviour test launch role"), cancellationToken);
        if (!created.IsSuccess)
        {
            throw new InvalidOperationException($"Could not create role {name}: {created.Error}");
        }

        using var wire = Wire();
        await wire.IamAsync("PutRolePolicy", new Dictionary<string, string> { ["RoleName"] = name, ["PolicyName"] = "launch", ["PolicyDocument"] = policy }, cancellationToken);
        return created.Value.Arn;
    }

    internal static ActingIdentity User(string roleArn, string login) =>
        ActingIdentity.ForUser(roleArn, login, [new ResourceTag("user", login)]) is { IsSuccess: true } identity
            ? identity.Value
            : throw new InvalidOperationException("Invalid test identity.");
}
