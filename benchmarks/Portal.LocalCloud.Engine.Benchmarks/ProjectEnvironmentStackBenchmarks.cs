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

    [GlobalSetup]
    public void StartLocalCloud()
    {
        _host = LocalCloudHost.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _client = new CloudFormationQueryClient(_host.Endpoint);
    }

    [GlobalCleanup]
    public void StopLocalCloud()
    {
        _client.Dispose();
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void ResetAndDeployFoundation()
    {
        _client.ResetAsync(CancellationToken.None).GetAwaiter().GetResult();
        _client.CreateStackAsync("sdsp-foundation", Foundation, new Dictionary<string, string>(), CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<string> CreateAndDeleteProjectEnvironment()
    {
        var stackId = await _client.CreateStackAsync("churn-dev", Environment, EnvironmentParameters, CancellationToken.None);
        await _client.DeleteStackAsync(stackId, CancellationToken.None);
        return stackId;
    }
}
