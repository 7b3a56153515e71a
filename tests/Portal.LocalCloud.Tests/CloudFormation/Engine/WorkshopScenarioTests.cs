using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Iam.Policy;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

/// <summary>
/// Labs 2, 3 and 5 through the pure engine: the environment (nested network stack, exports), the notebook product
/// v1 and its update to v2, the template constraint, and the role policy the stack produced enforcing the control.
/// </summary>
public class WorkshopScenarioTests
{
    private static readonly StackEnvironment Region = new("123456789012", "eu-west-2");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ParameterInput[] NotebookParameters =>
        [new("ProjectName", "fraud"), new("EnvType", "dev"), new("NotebookOwnerUsername", "alice"), new("NotebookSubnet", "2")];

    private static async Task<(StackOrchestrator Orchestrator, InMemoryResourceProvisioner Provisioner, Stack Environment)> EnvironmentAsync()
    {
        var templates = new FakeTemplateSource();
        templates.Bodies[WorkshopTemplates.NetworkUrl] = WorkshopTemplates.Network;
        var provisioner = new InMemoryResourceProvisioner();
        var orchestrator = new StackOrchestrator(Region, provisioner, TimeProvider.System, templates: templates);
        var environment = await orchestrator.CreateStackAsync(new CreateStackRequest("SC-123456789012-pp-envfrauddev01")
        {
            TemplateBody = WorkshopTemplates.Environment,
            Parameters = [new ParameterInput("ProjectName", "fraud")],
        }, Ct);
        return (orchestrator, provisioner, environment);
    }

    private static NamedPolicy RolePolicy(Stack notebook)
    {
        var resource = notebook.FindResource("NotebookPolicy")!;
        return new NamedPolicy(
            TemplateValues.AsString(resource.Properties["ManagedPolicyName"])!,
            PolicySourceType.UserManaged,
            PolicyDocument.Parse(TemplateValues.ToJson(resource.Properties["PolicyDocument"])));
    }

    private static AuthorizationOutcome Train(Stack notebook, Stack network, bool inVpc)
    {
        var request = (JsonObject)JsonNode.Parse("""{"TrainingJobName":"xgb","ResourceConfig":{"InstanceType":"ml.m4.xlarge","InstanceCount":1}}""")!;
        if (inVpc)
        {
            request["VpcConfig"] = new JsonObject
            {
                ["Subnets"] = TemplateValues.ToArray([network.Outputs.Single(o => o.OutputKey == "Subnet1").OutputValue]),
                ["SecurityGroupIds"] = TemplateValues.ToArray([network.Outputs.Single(o => o.OutputKey == "SecurityGroup").OutputValue]),
            };
        }

        var role = notebook.FindResource("NotebookRole")!;
        return SageMakerAuthorizer.Authorize(
            "CreateTrainingJob", request, $"arn:aws:sts::123456789012:assumed-role/{role.PhysicalId}/SageMaker",
            [RolePolicy(notebook), AwsManagedPolicies.Find("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")!],
            new RequestContext(), "aws", "eu-west-2", "123456789012");
    }

    [Fact]
    public async Task The_environment_deploys_with_its_nested_network_and_exports()
    {
        var (orchestrator, provisioner, environment) = await EnvironmentAsync();

        Assert.Equal(StackStatus.CreateComplete, environment.Status);
        var bucket = environment.FindResource("DataBucket")!.PhysicalId!;
        Assert.Matches("^ds-data-bucket-fraud-dev-[0-9a-f]{12}$", bucket);
        var network = orchestrator.Stacks.Get(environment.FindResource("Network")!.PhysicalId!);
        var endpoint = network.FindResource("S3Endpoint")!.PhysicalId;
        var policy = provisioner.Resources.Values.Single(r => r.Type == "AWS::S3::BucketPolicy").Properties;
        Assert.Equal(endpoint, TemplateValues.AsString(policy["PolicyDocument"]!["Statement"]![0]!["Condition"]!["StringNotEquals"]!["aws:sourceVpce"]));
        Assert.Equal(
            ["ds-s3-data-fraud-dev", "ds-sagemaker-sg-fraud-dev", "ds-subnet1-fraud-dev", "ds-subnet2-fraud-dev", "ds-subnet3-fraud-dev"],
            orchestrator.Exports.List().Select(e => e.Name));
    }

    [Fact]
    public async Task The_notebook_product_is_refused_by_the_template_constraint_for_another_project()
    {
        var template = TemplateParser.Parse(WorkshopTemplates.NotebookV1);
        var rules = RuleEvaluator.ParseConstraintRules(WorkshopTemplates.ProjectNameConstraint);
        var other = await ParameterResolver.ResolveAsync(template,
            [new ParameterInput("ProjectName", "other"), new ParameterInput("NotebookOwnerUsername", "alice")], null, null, Ct);
        var error = Assert.Throws<CloudFormationException>(() => RuleEvaluator.Check(rules, template, other, Region));
        Assert.Equal("ProjectName must be fraud", error.Message);
    }

    [Fact]
    public async Task Updating_the_notebook_to_version_2_makes_its_role_deny_training_outside_the_vpc()
    {
        var (orchestrator, _, environment) = await EnvironmentAsync();
        var network = orchestrator.Stacks.Get(environment.FindResource("Network")!.PhysicalId!);
        var notebook = await orchestrator.CreateStackAsync(new CreateStackRequest("SC-123456789012-pp-nbfrauddevali")
        {
            TemplateBody = WorkshopTemplates.NotebookV1,
            Parameters = NotebookParameters,
            Capabilities = [Capabilities.NamedIam],
        }, Ct);
        Assert.Equal(StackStatus.CreateComplete, notebook.Status);
        Assert.Equal(network.Outputs.Single(o => o.OutputKey == "Subnet2").OutputValue,
            TemplateValues.AsString(notebook.FindResource("Notebook")!.Properties["SubnetId"]));
        Assert.Equal("arn:aws:iam::123456789012:role/service-role/ds-notebook-role-fraud-dev-alice",
            TemplateValues.AsString(notebook.FindResource("Notebook")!.Properties["RoleArn"]));
        Assert.True(Train(notebook, network, inVpc: false).IsAllowed);
        var notebookArn = notebook.FindResource("Notebook")!.PhysicalId;

        await orchestrator.UpdateStackAsync(new UpdateStackRequest(notebook.StackName)
        {
            TemplateBody = WorkshopTemplates.NotebookV2,
            Parameters = NotebookParameters.Select(p => new ParameterInput(p.Key, null, UsePreviousValue: true)).ToList(),
            Capabilities = [Capabilities.NamedIam],
        }, Ct);

        Assert.Equal(StackStatus.UpdateComplete, notebook.Status);
        Assert.Equal(notebookArn, notebook.FindResource("Notebook")!.PhysicalId);
        var denied = Train(notebook, network, inVpc: false);
        Assert.False(denied.IsAllowed);
        Assert.EndsWith("with an explicit deny in an identity-based policy", denied.AccessDeniedMessage, StringComparison.Ordinal);
        Assert.True(Train(notebook, network, inVpc: true).IsAllowed);
    }

    [Fact]
    public async Task The_environment_cannot_be_deleted_while_a_notebook_imports_its_exports()
    {
        var (orchestrator, provisioner, environment) = await EnvironmentAsync();
        var notebook = await orchestrator.CreateStackAsync(new CreateStackRequest("nb")
        {
            TemplateBody = WorkshopTemplates.NotebookV1,
            Parameters = NotebookParameters,
            Capabilities = [Capabilities.NamedIam],
        }, Ct);

        await orchestrator.DeleteStackAsync(environment.StackName, Ct);
        Assert.Equal(StackStatus.DeleteFailed, environment.Status);
        Assert.Equal(
            $"Embedded stack {environment.FindResource("Network")!.PhysicalId} was not successfully deleted: Export ds-sagemaker-sg-fraud-dev cannot be deleted as it is in use by nb",
            environment.FindResource("Network")!.StatusReason);

        await orchestrator.DeleteStackAsync("nb", Ct);
        await orchestrator.DeleteStackAsync(environment.StackName, Ct);
        Assert.Equal(StackStatus.DeleteComplete, notebook.Status);
        Assert.Equal(StackStatus.DeleteComplete, environment.Status);
        Assert.Empty(provisioner.Resources);
    }
}
