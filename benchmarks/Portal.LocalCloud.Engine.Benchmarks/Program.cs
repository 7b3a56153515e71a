using BenchmarkDotNet.Running;

namespace Portal.LocalCloud.Engine.Benchmarks;

/// <summary><c>dotnet run -c Release --project benchmarks/Portal.LocalCloud.Engine.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
