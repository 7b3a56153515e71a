using System.Diagnostics;
using System.Text;
using Portal.TestKit;

namespace Portal.E2E.Tests.Oidc;

/// <summary>
/// The npm <c>oidc-provider</c> in tests/oidc, run as a child <c>node</c> process on a loopback port.
/// Its client is <c>portal</c>/<c>portal-secret</c>; its accounts and their groups are in tests/oidc/server.mjs.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "portal";

    public const string ClientSecret = "portal-secret";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private TestIdentityProvider(Process process, StringBuilder output, Uri authority)
    {
        _process = process;
        _output = output;
        Authority = authority;
    }

    /// <summary>The issuer, <c>http://127.0.0.1:&lt;port&gt;</c> (no trailing slash, as the provider announces it).</summary>
    public Uri Authority { get; }

    /// <summary>Everything the provider wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Where the provider lives, or why it cannot run here: the reason to skip (outside CI) when node is
    /// missing; throws in CI. Installs the npm packages with <c>npm ci</c> when node_modules is missing.
    /// </summary>
    public static async Task<(string? Directory, string? SkipReason)> PrepareAsync(CancellationToken cancellationToken)
    {
        var directory = FindProviderDirectory();
        if (directory is null)
        {
            throw new InvalidOperationException(
                $"tests/oidc/server.mjs was not found above {AppContext.BaseDirectory}; the end-to-end tests must run from the repository.");
        }

        if (FindOnPath("node") is null)
        {
            return (null, Prerequisite.Missing("node on PATH for the test OpenID provider (apt-get install nodejs npm)"));
        }

        if (Directory.Exists(Path.Combine(directory, "node_modules", "oidc-provider")))
        {
            return (directory, null);
        }

        var npm = FindOnPath("npm");
        if (npm is null)
        {
            return (null, Prerequisite.Missing($"npm on PATH to install the test OpenID provider's packages (or run `npm ci` in {directory})"));
        }

        var (exitCode, output) = await RunAsync(npm, ["ci", "--no-audit", "--no-fund"], directory, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"`npm ci` in {directory} failed with exit code {exitCode}:\n{output}");
        }

        return (directory, null);
    }

    /// <summary>Starts <c>node server.mjs &lt;port&gt; &lt;appBaseUrl&gt;</c> and waits until it says "listening".</summary>
    public static async Task<TestIdentityProvider> StartAsync(string directory, int port, Uri app, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(FindOnPath("node") ?? "node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("server.mjs");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(app.GetLeftPart(UriPartial.Authority));

        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void Collect(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.Contains("listening", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"The test OpenID provider exited with code {process.ExitCode} before listening:\n{Snapshot(output)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var provider = new TestIdentityProvider(process, output, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await listening.Task.WaitAsync(StartTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            await provider.DisposeAsync();
            throw new InvalidOperationException($"The test OpenID provider did not say \"listening\" within {StartTimeout.TotalSeconds} s:\n{Snapshot(output)}");
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }

        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string? FindProviderDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "oidc");
            if (File.Exists(Path.Combine(candidate, "server.mjs")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string program, IReadOnlyList<string> arguments, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
