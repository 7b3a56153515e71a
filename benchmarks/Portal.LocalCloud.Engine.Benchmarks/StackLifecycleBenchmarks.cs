using BenchmarkDotNet.Attributes;
using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Engine.Benchmarks;

/// <summary>Create and delete a ~60-resource stack with the in-memory provisioner (instant mode, no I/O).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StackLifecycleBenchmarks
{
    private static readonly string Body = SixtyResourceTemplate.Build();
    private StackOrchestrator _orchestrator = null!;

    public static int ResourceCount => TemplateParser.Parse(Body).Resources.Count;

    [IterationSetup(Target = nameof(CreateStack))]
    public void NewEnvironment() =>
        _orchestrator = new StackOrchestrator(new StackEnvironment("123456789012", "eu-west-2"), new InMemoryResourceProvisioner(), TimeProvider.System);

    [IterationCleanup(Target = nameof(CreateStack))]
    public void RemoveStack() => _orchestrator.DeleteStackAsync("bench", CancellationToken.None).GetAwaiter().GetResult();

    [Benchmark]
    public async Task<string> CreateStack()
    {
        var stack = await _orchestrator.CreateStackAsync(
            new CreateStackRequest("bench") { TemplateBody = Body, Capabilities = [Capabilities.Iam] }, CancellationToken.None);
        return stack.Status == StackStatus.CreateComplete ? stack.Status : throw new InvalidOperationException(stack.FailureReason);
    }

    [IterationSetup(Target = nameof(DeleteStack))]
    public void CreateForDelete()
    {
        NewEnvironment();
        CreateStack().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<string> DeleteStack()
    {
        var stack = await _orchestrator.DeleteStackAsync("bench", CancellationToken.None);
        return stack!.Status == StackStatus.DeleteComplete ? stack.Status : throw new InvalidOperationException(stack.StatusReason);
    }

    [Benchmark]
    public int ParseAndPlan() => DependencyGraph.Build(TemplateParser.Parse(Body)).CreationOrder.Count;
}
