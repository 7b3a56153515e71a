using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Portal.Aws.Tests.Contract;
using Portal.Core.Catalog;
using Portal.Core.Identity;
using Portal.Core.Provisioning;
using Portal.Core.Workloads;
using static Portal.Aws.Tests.Behaviour.CatalogTemplates;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>
/// Runs the portal's Service Catalog and SageMaker calls against LocalCloud and checks every JSON answer against
/// botocore's output shape: a member, type or enum value AWS would never send is a LocalCloud difference the
/// portal could come to rely on.
/// </summary>
[Collection(nameof(LocalCloudCollection))]
public sealed class WireShapeBehaviourTests(LocalCloudBehaviourFixture cloud)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_service_catalog_answer_fits_the_botocore_output_shape()
    {
        var model = BotocoreModelSource.LoadOrSkip("servicecatalog", "2015-12-10");
        var recorder = new ResponseRecorder();
        using var portal = LocalCloudBehaviourFixture.CreatePortal(cloud.Server, responses: recorder);
        var admin = portal.Get<ICatalogAdministrationGateway>();
        var template = await StoreAsync(cloud, Notebook, Ct);
        var role = await cloud.CreatePersonaRoleAsync(LocalCloudBehaviourFixture.Unique("ds"), Ct);
        var user = LocalCloudBehaviourFixture.User(role, "carol");

        var portfolio = Ok(await admin.CreatePortfolioAsync(ActingIdentity.Portal, new NewPortfolio(LocalCloudBehaviourFixture.Unique("Shapes"), "Platform team", "d"), Ct));
        await admin.ListPortfoliosAsync(ActingIdentity.Portal, Ct).ToListAsync(Ct);
        Ok(await admin.DescribePortfolioAsync(ActingIdentity.Portal, portfolio.Id, Ct));
        var product = Ok(await admin.CreateProductAsync(ActingIdentity.Portal, new NewProduct(LocalCloudBehaviourFixture.Unique("Shapes"), "Platform team", new NewProductVersion("v1", template.Url)), Ct));
        var productId = product.Product.Id;
        Ok(await admin.AssociateProductWithPortfolioAsync(ActingIdentity.Portal, productId, portfolio.Id, Ct));
        await admin.SearchProductsAsync(ActingIdentity.Portal, portfolio.Id, null, Ct).ToListAsync(Ct);
        Ok(await admin.DescribeProductAsync(ActingIdentity.Portal, productId, Ct));
        var second = Ok(await admin.CreateProductVersionAsync(ActingIdentity.Portal, productId, new NewProductVersion("v2", template.Url), null, Ct));
        Ok(await admin.ListProductVersionsAsync(ActingIdentity.Portal, productId, Ct));
        Ok(await admin.UpdateProductVersionAsync(ActingIdentity.Portal, productId, second.Id, new ProductVersionChange(Description: "second"), Ct));
        Ok(await admin.CreateConstraintAsync(ActingIdentity.Portal, new NewConstraint(portfolio.Id, productId, "LAUNCH", $$"""{"RoleArn":"{{role}}"}"""), Ct));
        await admin.ListConstraintsAsync(ActingIdentity.Portal, portfolio.Id, null, Ct).ToListAsync(Ct);
        Ok(await admin.AssociatePrincipalWithPortfolioAsync(ActingIdentity.Portal, portfolio.Id, new PortfolioPrincipal(role, "IAM"), Ct));
        await admin.ListPrincipalsAsync(ActingIdentity.Portal, portfolio.Id, Ct).ToListAsync(Ct);
        var option = Ok(await admin.CreateTagOptionAsync(ActingIdentity.Portal, "Project", LocalCloudBehaviourFixture.Unique("p"), Ct));
        Ok(await admin.AssociateTagOptionAsync(ActingIdentity.Portal, portfolio.Id, option.Id, Ct));

        var catalog = portal.Get<IProductCatalogGateway>();
        var provisioning = portal.Get<IProvisioningGateway>();
        await catalog.SearchProductsAsync(user, null, Ct).ToListAsync(Ct);
        Ok(await catalog.DescribeProductAsync(user, productId, Ct));
        Ok(await catalog.DescribeLaunchOptionsAsync(user, productId, second.Id, null, Ct));
        var record = Ok(await provisioning.ProvisionAsync(user, new ProvisionRequest(productId, second.Id, null, LocalCloudBehaviourFixture.Unique("shapes"), [new ParameterValue("ProjectName", "genomics")], IdempotencyToken.New()), Ct));
        Ok(await provisioning.DescribeRecordAsync(user, record.RecordId, Ct));
        await provisioning.SearchProvisionedProductsAsync(user, ProvisionedProductScope.User, null, Ct).ToListAsync(Ct);
        await provisioning.ListRecordHistoryAsync(user, ProvisionedProductScope.User, null, Ct).ToListAsync(Ct);
        Ok(await provisioning.DescribeProvisionedProductAsync(user, record.ProvisionedProductId!, Ct));
        Ok(await provisioning.GetOutputsAsync(user, record.ProvisionedProductId!, Ct));

        Assert.Empty(Violations(model, "AWS242ServiceCatalogService.", recorder));
    }

    [Fact]
    public async Task Every_sagemaker_answer_fits_the_botocore_output_shape()
    {
        var model = BotocoreModelSource.LoadOrSkip("sagemaker", "2017-07-24");
        var recorder = new ResponseRecorder();
        using var portal = LocalCloudBehaviourFixture.CreatePortal(cloud.Server, responses: recorder);
        using var wire = cloud.Wire();
        var notebook = await SageMakerSetup.CreateNotebookAsync(wire, Ct);
        var (experiment, trial, job) = (LocalCloudBehaviourFixture.Unique("exp"), LocalCloudBehaviourFixture.Unique("trial"), LocalCloudBehaviourFixture.Unique("train"));
        await wire.SageMakerAsync("CreateExperiment", new JsonObject { ["ExperimentName"] = experiment }, Ct);
        await wire.SageMakerAsync("CreateTrial", new JsonObject { ["TrialName"] = trial, ["ExperimentName"] = experiment }, Ct);
        var created = await wire.SageMakerAsync("CreateTrainingJob", SageMakerSetup.TrainingJob(job, experiment, trial), Ct);
        var endpoint = LocalCloudBehaviourFixture.Unique("endpoint");
        await SageMakerSetup.CreateEndpointAsync(wire, LocalCloudBehaviourFixture.Unique("model"), LocalCloudBehaviourFixture.Unique("config"), endpoint, Ct);

        var notebooks = portal.Get<INotebookGateway>();
        await notebooks.ListNotebooksAsync(ActingIdentity.Portal, WorkloadQuery.All, Ct).ToListAsync(Ct);
        Ok(await notebooks.DescribeNotebookAsync(ActingIdentity.Portal, notebook, Ct));
        Ok(await notebooks.CreateSignInUrlAsync(ActingIdentity.Portal, notebook, TimeSpan.FromHours(1), Ct));
        Ok(await notebooks.StopNotebookAsync(ActingIdentity.Portal, notebook, Ct));
        Ok(await notebooks.StartNotebookAsync(ActingIdentity.Portal, notebook, Ct));
        await portal.Get<ITrainingJobGateway>().ListTrainingJobsAsync(ActingIdentity.Portal, WorkloadQuery.All, Ct).ToListAsync(Ct);
        Ok(await portal.Get<ITrainingJobGateway>().DescribeTrainingJobAsync(ActingIdentity.Portal, job, Ct));
        await portal.Get<IProcessingJobGateway>().ListProcessingJobsAsync(ActingIdentity.Portal, WorkloadQuery.All, Ct).ToListAsync(Ct);
        var endpoints = portal.Get<IModelEndpointGateway>();
        await endpoints.ListEndpointsAsync(ActingIdentity.Portal, WorkloadQuery.All, Ct).ToListAsync(Ct);
        Ok(await endpoints.DescribeEndpointAsync(ActingIdentity.Portal, endpoint, Ct));
        await endpoints.ListMonitoringSchedulesAsync(ActingIdentity.Portal, endpoint, Ct).ToListAsync(Ct);
        await endpoints.ListMonitoringExecutionsAsync(ActingIdentity.Portal, null, endpoint, Ct).ToListAsync(Ct);
        var lineage = portal.Get<ILineageGateway>();
        await lineage.ListExperimentsAsync(ActingIdentity.Portal, null, Ct).ToListAsync(Ct);
        await lineage.ListTrialComponentsAsync(ActingIdentity.Portal, experiment, null, Ct).ToListAsync(Ct);
        await lineage.ListTagsAsync(ActingIdentity.Portal, created["TrainingJobArn"]!.GetValue<string>(), Ct).ToListAsync(Ct);

        Assert.Empty(Violations(model, "SageMaker.", recorder));
    }

    [Fact]
    public async Task Every_iam_answer_fits_the_botocore_output_shape()
    {
        var model = BotocoreModelSource.LoadOrSkip("iam", "2010-05-08");
        var recorder = new ResponseRecorder();
        using var portal = LocalCloudBehaviourFixture.CreatePortal(cloud.Server, responses: recorder);
        var roles = portal.Get<IRoleGateway>();
        var name = LocalCloudBehaviourFixture.Unique("shapes");
        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        using var wire = cloud.Wire();

        Ok(await roles.CreateRoleAsync(ActingIdentity.Portal, new NewRole(name, trust, "/shapes/", "d", 3600, Tags: [new Portal.Core.Common.ResourceTag("k", "v")]), Ct));
        await wire.IamAsync("PutRolePolicy", new Dictionary<string, string> { ["RoleName"] = name, ["PolicyName"] = "inline", ["PolicyDocument"] = trust }, Ct);
        await wire.IamAsync("AttachRolePolicy", new Dictionary<string, string> { ["RoleName"] = name, ["PolicyArn"] = "arn:aws:iam::aws:policy/ReadOnlyAccess" }, Ct);
        Ok(await roles.GetRoleAsync(ActingIdentity.Portal, name, Ct));
        await roles.ListRolesAsync(ActingIdentity.Portal, "/shapes/", Ct).ToListAsync(Ct);
        await roles.ListAttachedPoliciesAsync(ActingIdentity.Portal, name, Ct).ToListAsync(Ct);
        await roles.ListInlinePolicyNamesAsync(ActingIdentity.Portal, name, Ct).ToListAsync(Ct);
        Ok(await roles.GetInlinePolicyAsync(ActingIdentity.Portal, name, "inline", Ct));

        var answers = recorder.Answers.Where(a => a.Operation.StartsWith("iam.", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, answers.Count);
        Assert.Empty(answers.SelectMany(a => QueryOutputChecker.Check(model, a.Operation["iam.".Length..], XElement.Parse(System.Text.Encoding.UTF8.GetString(a.Body)))).Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public void The_output_check_reports_members_types_and_enum_values_aws_never_sends()
    {
        var model = BotocoreModelSource.LoadOrSkip("servicecatalog", "2015-12-10");
        using var body = JsonDocument.Parse("""{"PortfolioDetail":{"Id":"port-1","Colour":"red"},"Tags":"none","Status":"SLEEPING"}""");

        var violations = WireContractChecker.CheckJsonOutput(model, "CreateConstraint", body.RootElement);
        var describe = WireContractChecker.CheckJsonOutput(model, "DescribePortfolio", body.RootElement);

        Assert.Contains(violations, v => v.Contains("'PortfolioDetail' is not a member", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("'SLEEPING' is not one of", StringComparison.Ordinal));
        Assert.Contains(describe, v => v.Contains("'Colour' is not a member", StringComparison.Ordinal));
        Assert.Contains(describe, v => v.Contains("expected an array", StringComparison.Ordinal));

        var iam = BotocoreModelSource.LoadOrSkip("iam", "2010-05-08");
        var xml = XElement.Parse("""<GetRoleResponse><GetRoleResult><Role><RoleName>r</RoleName><Colour>red</Colour><MaxSessionDuration>long</MaxSessionDuration><Tags><item/></Tags></Role></GetRoleResult></GetRoleResponse>""");
        var query = QueryOutputChecker.Check(iam, "GetRole", xml);
        Assert.Contains(query, v => v.Contains("<Colour> is not a member", StringComparison.Ordinal));
        Assert.Contains(query, v => v.Contains("'long' is not an integer", StringComparison.Ordinal));
        Assert.Contains(query, v => v.Contains("should be <member>", StringComparison.Ordinal));
    }

    private static List<string> Violations(BotocoreModel model, string targetPrefix, ResponseRecorder recorder)
    {
        var answers = recorder.Answers.Where(a => a.Operation.StartsWith(targetPrefix, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(answers);
        return answers
            .SelectMany(a =>
            {
                using var body = JsonDocument.Parse(a.Body.Length == 0 ? "{}"u8.ToArray() : a.Body);
                return WireContractChecker.CheckJsonOutput(model, a.Operation[targetPrefix.Length..], body.RootElement);
            })
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
