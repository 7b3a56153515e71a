using System.Net;
using System.Text.RegularExpressions;
using Portal.Aws.Tests.Fakes;
using Portal.Core.Catalog;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Provisioning;
using Portal.Core.Stacks;
using Portal.Core.Workloads;

namespace Portal.Aws.Tests.Contract;

/// <summary>
/// Drives every method of every hand-written gateway with every optional input set, records the bytes that go
/// out, and checks each body against botocore's model — member names, list encoding, enum values and types.
/// </summary>
public sealed partial class WireContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_request_the_gateways_send_matches_the_botocore_model()
    {
        var network = new RecordingHandler { DefaultStatus = HttpStatusCode.OK };
        using (var host = AwsTestHost.Create(network))
        {
            await DriveEveryGatewayAsync(host);
        }

        var violations = new List<string>();
        var exercised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in network.Requests)
        {
            var service = ScopeService().Match(request.Header("Authorization") ?? string.Empty).Groups[1].Value;
            var apiVersion = service switch { "servicecatalog" => "2015-12-10", "sagemaker" => "2017-07-24", "iam" => "2010-05-08", _ => "2010-05-15" };
            var model = BotocoreModelSource.LoadOrSkip(service, apiVersion);
            var json = request.Header("X-Amz-Target") is not null;
            var operation = json ? request.Header("X-Amz-Target")!.Split('.')[1] : request.FormValue("Action")!;
            exercised.Add($"{service}.{operation}");
            violations.AddRange((json ? WireContractChecker.CheckJson(model, operation, request.Json()) : WireContractChecker.CheckQuery(model, operation, request.Form()))
                .Select(v => $"{service}.{operation}: {v}"));
        }

        Assert.True(violations.Count == 0, string.Join('\n', violations));
        var declared = BotocoreContractTests.AllOperations().Select(o => $"{o.Service.Key}.{o.Name}").ToHashSet(StringComparer.Ordinal);
        Assert.Empty(declared.Except(exercised));
    }

    [Fact]
    public void Wire_checker_reports_an_unknown_member_a_bad_enum_value_and_a_bad_list_encoding()
    {
        var sc = BotocoreModelSource.LoadOrSkip("servicecatalog", "2015-12-10");
        var iam = BotocoreModelSource.LoadOrSkip("iam", "2010-05-08");
        using var document = System.Text.Json.JsonDocument.Parse("""{"Filters":{"FullText":["x"]},"SortBy":"Newest","PageSize":"20","Bogus":1}""");

        var json = WireContractChecker.CheckJson(sc, "SearchProductsAsAdmin", document.RootElement);
        var query = WireContractChecker.CheckQuery(iam, "SimulatePrincipalPolicy", [new("PolicySourceArn", "arn"), new("ActionNames.1", "s3:GetObject")]);

        Assert.Contains(json, v => v.Contains("'FullText' is not one of", StringComparison.Ordinal));
        Assert.Contains(json, v => v.Contains("'Newest' is not one of", StringComparison.Ordinal));
        Assert.Contains(json, v => v.Contains("PageSize: expected an integer", StringComparison.Ordinal));
        Assert.Contains(json, v => v.Contains("'Bogus' is not a member", StringComparison.Ordinal));
        Assert.Contains(query, v => v.Contains("must be sent as .member.N", StringComparison.Ordinal));
    }

    private static async Task DriveEveryGatewayAsync(AwsTestHost host)
    {
        var me = ActingIdentity.Portal;
        var token = IdempotencyToken.New();
        var tags = new[] { new ResourceTag("project", "p1") };
        var after = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var admin = host.Get<ICatalogAdministrationGateway>();
        await admin.CreatePortfolioAsync(me, new NewPortfolio("Admins", "Platform", "d", tags, token), Ct);
        await admin.ListPortfoliosAsync(me, Ct).ToListAsync(Ct);
        await admin.DescribePortfolioAsync(me, "port-1", Ct);
        await admin.DeletePortfolioAsync(me, "port-1", Ct);
        await admin.CreateProductAsync(me, new NewProduct("env", "Platform", new NewProductVersion("v1", "https://t/env.yaml", "first", DisableTemplateValidation: true), "d", "dist", "it@example.com", tags, token), Ct);
        await admin.SearchProductsAsync(me, "port-1", "notebook", Ct).ToListAsync(Ct);
        await admin.DescribeProductAsync(me, "prod-1", Ct);
        await admin.CreateProductVersionAsync(me, "prod-1", new NewProductVersion("v2", "https://t/nb2.yaml", "second"), token, Ct);
        await admin.ListProductVersionsAsync(me, "prod-1", Ct);
        await admin.UpdateProductVersionAsync(me, "prod-1", "pa-1", new ProductVersionChange(false, "DEPRECATED", "v1", "old"), Ct);
        await admin.AssociateProductWithPortfolioAsync(me, "prod-1", "port-1", Ct);
        await admin.CreateConstraintAsync(me, new NewConstraint("port-1", "prod-1", "LAUNCH", """{"RoleArn":"arn:aws:iam::000000000000:role/launch"}""", "launch", token), Ct);
        await admin.ListConstraintsAsync(me, "port-1", "prod-1", Ct).ToListAsync(Ct);
        await admin.AssociatePrincipalWithPortfolioAsync(me, "port-1", new PortfolioPrincipal("arn:aws:iam::000000000000:role/admin", "IAM"), Ct);
        await admin.ListPrincipalsAsync(me, "port-1", Ct).ToListAsync(Ct);
        await admin.CreateTagOptionAsync(me, "project", "p1", Ct);
        await admin.AssociateTagOptionAsync(me, "port-1", "tag-1", Ct);

        var catalog = host.Get<IProductCatalogGateway>();
        await catalog.SearchProductsAsync(me, "notebook", Ct).ToListAsync(Ct);
        await catalog.DescribeProductAsync(me, "prod-1", Ct);
        await catalog.DescribeLaunchOptionsAsync(me, "prod-1", "pa-1", "lpv-1", Ct);

        var provisioning = host.Get<IProvisioningGateway>();
        await provisioning.ProvisionAsync(me, new ProvisionRequest("prod-1", "pa-1", "lpv-1", "nb-alice", [new ParameterValue("ProjectName", "p1")], token, tags), Ct);
        await provisioning.UpdateAsync(me, new ProvisionedProductUpdate("pp-1", "pa-2", "lpv-1", [new ParameterValue("ProjectName", null, true), new ParameterValue("EnvType", "dev")], token), Ct);
        await provisioning.TerminateAsync(me, new TerminationRequest("pp-1", token, IgnoreErrors: true, RetainPhysicalResources: true), Ct);
        await provisioning.DescribeRecordAsync(me, "rec-1", Ct);
        await provisioning.ListRecordHistoryAsync(me, ProvisionedProductScope.User, "pp-1", Ct).ToListAsync(Ct);
        await provisioning.SearchProvisionedProductsAsync(me, ProvisionedProductScope.Role, "status:AVAILABLE", Ct).ToListAsync(Ct);
        await provisioning.DescribeProvisionedProductAsync(me, "pp-1", Ct);
        await provisioning.GetOutputsAsync(me, "pp-1", Ct);

        var query = new WorkloadQuery("nb", "InService", after, after);
        var notebooks = host.Get<INotebookGateway>();
        await notebooks.ListNotebooksAsync(me, query, Ct).ToListAsync(Ct);
        await notebooks.DescribeNotebookAsync(me, "nb-1", Ct);
        await notebooks.StartNotebookAsync(me, "nb-1", Ct);
        await notebooks.StopNotebookAsync(me, "nb-1", Ct);
        await notebooks.CreateSignInUrlAsync(me, "nb-1", TimeSpan.FromHours(1), Ct);

        var training = host.Get<ITrainingJobGateway>();
        await training.ListTrainingJobsAsync(me, query with { StatusEquals = "Completed" }, Ct).ToListAsync(Ct);
        await training.DescribeTrainingJobAsync(me, "job-1", Ct);
        var processing = host.Get<IProcessingJobGateway>();
        await processing.ListProcessingJobsAsync(me, query with { StatusEquals = "Failed" }, Ct).ToListAsync(Ct);
        await processing.DescribeProcessingJobAsync(me, "job-2", Ct);

        var endpoints = host.Get<IModelEndpointGateway>();
        await endpoints.ListEndpointsAsync(me, query, Ct).ToListAsync(Ct);
        await endpoints.DescribeEndpointAsync(me, "ep-1", Ct);
        await endpoints.ListMonitoringSchedulesAsync(me, "ep-1", Ct).ToListAsync(Ct);
        await endpoints.ListMonitoringExecutionsAsync(me, "sched-1", "ep-1", Ct).ToListAsync(Ct);

        var lineage = host.Get<ILineageGateway>();
        await lineage.ListExperimentsAsync(me, after, Ct).ToListAsync(Ct);
        await lineage.ListTrialComponentsAsync(me, "exp-1", null, Ct).ToListAsync(Ct);
        await lineage.ListTagsAsync(me, "arn:aws:sagemaker:eu-west-1:000000000000:notebook-instance/nb-1", Ct).ToListAsync(Ct);

        var roles = host.Get<IRoleGateway>();
        await roles.GetRoleAsync(me, "r1", Ct);
        await roles.ListRolesAsync(me, "/ds/", Ct).ToListAsync(Ct);
        await roles.ListAttachedPoliciesAsync(me, "r1", Ct).ToListAsync(Ct);
        await roles.ListInlinePolicyNamesAsync(me, "r1", Ct).ToListAsync(Ct);
        await roles.GetInlinePolicyAsync(me, "r1", "p1", Ct);
        await roles.CreateRoleAsync(me, new NewRole("r2", """{"Version":"2012-10-17","Statement":[]}""", "/ds/", "d", 3600, "arn:aws:iam::000000000000:policy/boundary", tags), Ct);
        await host.Get<IPolicySimulationGateway>().SimulateAsync(
            me,
            new PolicySimulationRequest("arn:aws:iam::000000000000:role/r1", ["sagemaker:CreateNotebookInstance"], ["*"], [new PolicyContextEntry("sagemaker:RootAccess", "string", ["Enabled"])]),
            Ct);

        var stacks = host.Get<IStackGateway>();
        await stacks.CreateStackAsync(me, new NewStack("ds", StackTemplate.FromUrl("https://t/a.yaml"), [new StackParameter("S", "sagemaker")], ["CAPABILITY_NAMED_IAM"], tags, "arn:aws:iam::000000000000:role/deployer", true, token), Ct);
        await stacks.UpdateStackAsync(me, new StackUpdate("ds", null, [new StackParameter("S", null, true)], ["CAPABILITY_IAM"], token), Ct);
        await stacks.DeleteStackAsync(me, "ds", Ct);
        await stacks.DescribeStackAsync(me, "ds", Ct);
        await stacks.ListStackEventsAsync(me, "ds", Ct).ToListAsync(Ct);
        await stacks.ListStackResourcesAsync(me, "ds", Ct);
        await stacks.ValidateTemplateAsync(me, StackTemplate.FromBody("Resources: {}"), Ct);
        await stacks.GetTemplateAsync(me, "ds", Ct);
        await stacks.ListExportsAsync(me, Ct).ToListAsync(Ct);
    }

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/[^/]+/([^/]+)/aws4_request")]
    private static partial Regex ScopeService();
}
