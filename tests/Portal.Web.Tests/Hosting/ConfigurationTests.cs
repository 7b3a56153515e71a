using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Portal.Web.Configuration;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

public class ConfigurationTests
{
    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider is 'Oracle'; allowed values: Sqlite, Postgres.")]
    [InlineData("Cloud:Mode", "Azure", "Cloud:Mode is 'Azure'; allowed values: LocalCloud, Aws.")]
    [InlineData("Auth:Mode", "Saml", "Auth:Mode is 'Saml'; allowed values: Development, Oidc.")]
    [InlineData("Cloud:LocalCloudPort", "70000", "Cloud:LocalCloudPort is '70000'; allowed: 0 (any free port) to 65535.")]
    public async Task A_wrong_value_stops_the_real_process_with_one_line_naming_the_key_and_the_allowed_values(string key, string value, string expected)
    {
        var (exitCode, stderr, stdout) = await RunPortalAsync("Development", $"--{key}={value}");

        Assert.Equal(2, exitCode);
        Assert.Equal("Configuration error: " + expected, Assert.Single(stderr));
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_start_up()
    {
        var (exitCode, stderr, _) = await RunPortalAsync("Development", "--Database:Provider=Postgres");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Configuration error: ConnectionStrings:Portal is required when Database:Provider is Postgres", Assert.Single(stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_sign_in_stops_start_up_in_production()
    {
        var (exitCode, stderr, _) = await RunPortalAsync("Production");

        Assert.Equal(2, exitCode);
        Assert.Contains("Auth:AllowDevelopmentSignIn=true", Assert.Single(stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_sign_in_is_served_in_production_when_allowed_explicitly()
    {
        await using var allowed = new PortalFactory(new Dictionary<string, string?> { ["Auth:AllowDevelopmentSignIn"] = "true" }, "Production");
        using var client = allowed.CreateClient();

        var response = await client.GetAsync(new Uri("/account/signin", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sign in as Pat Platform", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite", "LocalCloud", "Development", true)]
    [InlineData("POSTGRES", "aws", "oidc", true)]
    [InlineData("", "LocalCloud", "Development", false)]
    public void Values_are_case_insensitive_and_empty_is_refused(string provider, string cloud, string auth, bool valid)
    {
        var validator = new PortalOptionsValidator(new HostingEnvironment { EnvironmentName = Environments.Development });

        var results = new[]
        {
            validator.Validate(null, new DatabaseOptions { Provider = provider, ConnectionString = "Host=x" }),
            validator.Validate(null, new CloudOptions { Mode = cloud }),
            validator.Validate(null, new AuthOptions { Mode = auth, Oidc = { Authority = "https://login.example.com", ClientId = "portal" } }),
        };

        Assert.Equal(valid, results.All(r => r.Succeeded));
    }

    private static async Task<(int ExitCode, string[] Stderr, string Stdout)> RunPortalAsync(string environment, params string[] args)
    {
        var workDir = Directory.CreateTempSubdirectory("portal-config-").FullName;
        try
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll");
            var start = new ProcessStartInfo("dotnet", [dll, "--Urls=http://127.0.0.1:0", .. args])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = workDir,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
            start.Environment["DOTNET_ENVIRONMENT"] = environment;
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("The portal started instead of refusing the configuration.");
            }

            var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
            return (process.ExitCode, lines, await stdout);
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }
}
