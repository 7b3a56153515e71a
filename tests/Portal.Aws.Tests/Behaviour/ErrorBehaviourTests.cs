using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Catalog;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Parameters;
using Portal.Core.Workloads;
using Portal.LocalCloud;
using Portal.LocalCloud.Faults;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>
/// What a caller notices when LocalCloud refuses a signature or throttles: portal errors carrying the AWS code,
/// and throttling retried transparently. Each test runs its own LocalCloud whose fault injector draws from a script,
/// and sets its rules through <c>POST /_localcloud/faults</c>.
/// </summary>
public sealed class ErrorBehaviourTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_wrong_secret_key_is_refused_with_the_services_signature_error()
    {
        await using var server = await LocalCloudServer.StartAsync(cancellationToken: Ct);
        using var portal = LocalCloudBehaviourFixture.CreatePortal(server, settings: new Dictionary<string, string?> { ["Cloud:SecretAccessKey"] = "not-the-secret" });

        var sageMaker = await portal.Get<INotebookGateway>().DescribeNotebookAsync(ActingIdentity.Portal, "any", Ct);
        var iam = await portal.Get<IRoleGateway>().GetRoleAsync(ActingIdentity.Portal, "any", Ct);
        var sts = await portal.Get<ICallerIdentityGateway>().GetCallerIdentityAsync(ActingIdentity.Portal, Ct);
        var ssm = await portal.Get<IParameterStore>().GetParametersAsync(ActingIdentity.Portal, ["/any"], Ct);

        Assert.Equal((ErrorKind.Denied, "InvalidSignatureException"), (sageMaker.Error?.Kind, sageMaker.Error?.Code));
        Assert.Equal((ErrorKind.Denied, "SignatureDoesNotMatch"), (iam.Error?.Kind, iam.Error?.Code));
        Assert.Equal((ErrorKind.Denied, "SignatureDoesNotMatch"), (sts.Error?.Kind, sts.Error?.Code));
        Assert.Equal((ErrorKind.Denied, "InvalidSignatureException"), (ssm.Error?.Kind, ssm.Error?.Code));
    }

    [Fact]
    public async Task An_unknown_access_key_is_refused_as_denied()
    {
        await using var server = await LocalCloudServer.StartAsync(cancellationToken: Ct);
        using var portal = LocalCloudBehaviourFixture.CreatePortal(server, settings: new Dictionary<string, string?> { ["Cloud:AccessKeyId"] = "AKIANOTKNOWN", ["Cloud:SecretAccessKey"] = "x" });

        var sageMaker = await portal.Get<INotebookGateway>().DescribeNotebookAsync(ActingIdentity.Portal, "any", Ct);
        var iam = await portal.Get<IRoleGateway>().GetRoleAsync(ActingIdentity.Portal, "any", Ct);

        Assert.Equal((ErrorKind.Denied, "UnrecognizedClientException"), (sageMaker.Error?.Kind, sageMaker.Error?.Code));
        Assert.Equal((ErrorKind.Denied, "InvalidClientTokenId"), (iam.Error?.Kind, iam.Error?.Code));
    }

    [Fact]
    public async Task Throttling_twice_is_retried_transparently_for_the_hand_written_clients()
    {
        var draws = new ScriptedRandom(0.0, 0.0);
        await using var server = await StartWithFaultsAsync(draws, new { service = "sagemaker", operation = "ListNotebookInstances", throttleRate = 0.5 }, new { service = "iam", operation = "ListRoles", throttleRate = 0.5 });
        using var portal = LocalCloudBehaviourFixture.CreatePortal(server);

        var notebooks = await portal.Get<INotebookGateway>().ListNotebooksAsync(ActingIdentity.Portal, WorkloadQuery.All, Ct).ToListAsync(Ct);
        var afterSageMaker = draws.Count;
        var roles = await portal.Get<IRoleGateway>().ListRolesAsync(ActingIdentity.Portal, null, Ct).ToListAsync(Ct);

        Assert.Empty(notebooks);
        Assert.Equal(3, afterSageMaker);
        Assert.Empty(roles);
        Assert.Equal(4, draws.Count);
    }

    [Fact]
    public async Task A_service_unavailable_answer_is_retried_transparently()
    {
        var draws = new ScriptedRandom(0.0);
        await using var server = await StartWithFaultsAsync(draws, new { service = "servicecatalog", operation = "ListPortfolios", errorRate = 0.5 });
        using var portal = LocalCloudBehaviourFixture.CreatePortal(server);

        var portfolios = await portal.Get<ICatalogAdministrationGateway>().ListPortfoliosAsync(ActingIdentity.Portal, Ct).ToListAsync(Ct);

        Assert.Empty(portfolios);
        Assert.Equal(2, draws.Count);
    }

    [Fact]
    public async Task Throttling_is_retried_by_the_sdk_clients_too_and_only_as_often_as_needed()
    {
        var draws = new ScriptedRandom(0.0, 0.0);
        await using var server = await StartWithFaultsAsync(draws, new { service = "ssm", operation = "GetParameters", throttleRate = 0.5 }, new { service = "ec2", operation = "DescribeAvailabilityZones", throttleRate = 0.5 });
        using var portal = LocalCloudBehaviourFixture.CreatePortal(server);

        var lookup = await portal.Get<IParameterStore>().GetParametersAsync(ActingIdentity.Portal, ["/project/ds-vpc-id"], Ct);
        var afterSsm = draws.Count;
        var zones = await portal.Get<INetworkGateway>().ListAvailabilityZonesAsync(ActingIdentity.Portal, Ct);

        Assert.True(lookup.IsSuccess, lookup.Error?.ToString());
        Assert.Equal(["/project/ds-vpc-id"], lookup.Value.MissingNames);
        Assert.Equal(3, afterSsm);
        Assert.True(zones.IsSuccess, zones.Error?.ToString());
        Assert.NotEmpty(zones.Value);
        Assert.Equal(4, draws.Count);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_reaches_the_caller_as_throttled()
    {
        var draws = new ScriptedRandom { After = 0.0 };
        await using var server = await StartWithFaultsAsync(draws, new { service = "sagemaker", operation = "DescribeNotebookInstance", throttleRate = 1.0 }, new { service = "iam", operation = "GetRole", throttleRate = 1.0 });
        using var portal = LocalCloudBehaviourFixture.CreatePortal(server);

        var notebook = await portal.Get<INotebookGateway>().DescribeNotebookAsync(ActingIdentity.Portal, "busy", Ct);
        var afterSageMaker = draws.Count;
        var role = await portal.Get<IRoleGateway>().GetRoleAsync(ActingIdentity.Portal, "busy", Ct);

        Assert.Equal((ErrorKind.Throttled, "ThrottlingException"), (notebook.Error?.Kind, notebook.Error?.Code));
        Assert.Equal(3, afterSageMaker);
        Assert.Equal((ErrorKind.Throttled, "Throttling"), (role.Error?.Kind, role.Error?.Code));
        Assert.Equal(6, draws.Count);
    }

    [Fact]
    public async Task A_not_implemented_answer_is_not_retried()
    {
        // LocalCloud's own evaluator answers simulations; a stand-in that answers 501 counts the attempts.
        var simulator = new NotImplementedSimulator();
        await using var server = await LocalCloudServer.StartAsync(services => services.AddSingleton<Portal.LocalCloud.Iam.IPolicySimulator>(simulator), Ct);
        using var portal = LocalCloudBehaviourFixture.CreatePortal(server);
        var role = await portal.Get<IRoleGateway>().CreateRoleAsync(ActingIdentity.Portal, new NewRole("ds", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""), Ct);

        var simulated = await portal.Get<IPolicySimulationGateway>().SimulateAsync(
            ActingIdentity.Portal,
            new PolicySimulationRequest(role.Value.Arn, ["s3:GetObject"]),
            Ct);

        Assert.Equal(("NotImplemented", ErrorKind.Unavailable), (simulated.Error?.Code, simulated.Error?.Kind));
        Assert.Equal(1, simulator.Calls);
    }

    private sealed class NotImplementedSimulator : Portal.LocalCloud.Iam.IPolicySimulator
    {
        private int _calls;

        public int Calls => _calls;

        public IReadOnlyList<Portal.LocalCloud.Iam.PolicySimulationResult> Simulate(
            Portal.LocalCloud.Iam.RolePolicies policies,
            IReadOnlyList<string> actionNames,
            IReadOnlyList<string> resourceArns,
            IReadOnlyDictionary<string, IReadOnlyList<string>> contextEntries)
        {
            Interlocked.Increment(ref _calls);
            throw new Portal.LocalCloud.Protocols.ServiceException("NotImplemented", "Simulation is switched off in this test.", 501);
        }
    }

    private static async Task<LocalCloudServer> StartWithFaultsAsync(ScriptedRandom draws, params object[] rules)
    {
        var server = await LocalCloudServer.StartAsync(
            services => services.AddSingleton(sp => new FaultInjector(sp.GetRequiredService<LocalCloudOptions>(), draws)),
            Ct);
        using var http = new HttpClient();
        using var set = await http.PostAsJsonAsync(new Uri(server.Endpoint, "/_localcloud/faults"), rules, Ct);
        set.EnsureSuccessStatusCode();
        return server;
    }
}
