using BenchmarkDotNet.Running;
using Portal.LocalCloud.Benchmarks;

if (args.Contains("--cpu"))
{
    await CpuPerRequest.RunAsync(5000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LoopbackBenchmarks).Assembly).Run(args);
