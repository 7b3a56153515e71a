using System.Diagnostics;

namespace Portal.LocalCloud.Benchmarks;

/// <summary>
/// CPU time per request (client and server in one process, so an upper bound for LocalCloud's share):
/// process CPU time over N sequential requests.
/// </summary>
public static class CpuPerRequest
{
    public static async Task RunAsync(int requests)
    {
        var benchmarks = new LoopbackBenchmarks();
        benchmarks.Setup();
        try
        {
            foreach (var (name, call) in new (string, Func<Task<int>>)[] { ("JSON 1.1 describe", benchmarks.JsonDescribeAsync), ("Query GetRole", benchmarks.QueryGetRoleAsync) })
            {
                for (var i = 0; i < 200; i++)
                {
                    await call();
                }

                var process = Process.GetCurrentProcess();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                for (var i = 0; i < requests; i++)
                {
                    await call();
                }

                wall.Stop();
                process.Refresh();
                var cpu = process.TotalProcessorTime - cpuBefore;
                Console.WriteLine($"{name}: {requests / wall.Elapsed.TotalSeconds:F0} req/s sequential, {cpu.TotalMicroseconds / requests:F0} µs CPU per request (client + server)");
            }
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }
}
