using BenchmarkDotNet.Attributes;

namespace Portal.LocalCloud.Engine.Benchmarks;

/// <summary>
/// The real path: LocalCloud on Kestrel (in-memory state, instant lifecycle), signed CloudFormation Query requests,
/// the store-backed provisioner, creating and deleting templates/environment/project-environment.yaml (55 resources)
/// on top of the foundation stack. One create + delete per iteration, after a state reset and a fresh foundation.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ProjectEnvironmentStackBenchmarks
{
    private static readonly string Foundation = RepositoryTemplates.Read("platform/foundation.yaml");
    private static readonly string Environment = RepositoryTemplates.Read("environment/project-environment.yaml");
    private static readonly Dictionary<string, string> EnvironmentParameters = new() { ["ProjectName"] = "churn", ["EnvironmentType"] = "dev" };
    private LocalCloudHost _host = null!;
    private CloudFormationQueryClient _client = null!;
    private string _stackId = string.Empty;

    private string? _roleArn;

    /// <summary>
    /// True: the environment stack runs under a service role carrying the foundation launch role's policy, so every
    /// resource call is authorised by the IAM evaluator (as a Service Catalog launch is); false: LocalCloud's authority.
    /// </summary>
    [Params(false, true)]
    public bool UnderLaunchRolePolicy { get; set; }

    /// <summary>Resources of the environment stack as DescribeStackResources lists them (checked once per process).</summary>
    public int ResourceCount { get; private set; }

    [GlobalSetup]
    public void StartLocalCloud()
    {
        _host = LocalCloudHost.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _client = new CloudFormationQueryClient(_host.Endpoint);
        ResetAndDeployFoundation();
        var stackId = CreateEnvironment().GetAwaiter().GetResult();
        ResourceCount = _client.ResourceCountAsync(stackId, CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"// churn-dev stack: {ResourceCount} resources");
    }

    [GlobalCleanup]
    public void StopLocalCloud()
    {
        _client.Dispose();
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup(Targets = [nameof(CreateAndDeleteProjectEnvironment), nameof(CreateProjectEnvironment)])]
    public void ResetAndDeployFoundation()
    {
        _client.ResetAsync(CancellationToken.None).GetAwaiter().GetResult();
        _client.CreateStackAsync("sdsp-foundation", Foundation, new Dictionary<string, string>(), CancellationToken.None).GetAwaiter().GetResult();
        _roleArn = UnderLaunchRolePolicy
            ? _client.CreateServiceRoleLikeAsync("bench-environment-launch", "ds-platform-ServiceCatalogLaunchRole", "launch-project-environment", CancellationToken.None).GetAwaiter().GetResult()
            : null;
    }

    [Benchmark]
    public async Task<string> CreateAndDeleteProjectEnvironment()
    {
        var stackId = await CreateEnvironment();
        await _client.DeleteStackAsync(stackId, CancellationToken.None);
        return stackId;
    }

    [Benchmark]
    public async Task<string> CreateProjectEnvironment() => _stackId = await CreateEnvironment();

    [IterationSetup(Target = nameof(DeleteProjectEnvironment))]
    public void DeployFoundationAndEnvironment()
    {
        ResetAndDeployFoundation();
        _stackId = CreateEnvironment().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<string> DeleteProjectEnvironment()
    {
        await _client.DeleteStackAsync(_stackId, CancellationToken.None);
        return _stackId;
    }

    private Task<string> CreateEnvironment() => _client.CreateStackAsync("churn-dev", Environment, EnvironmentParameters, CancellationToken.None, _roleArn);
}
