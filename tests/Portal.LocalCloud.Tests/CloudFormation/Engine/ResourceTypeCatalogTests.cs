using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

public class ResourceTypeCatalogTests
{
    private static readonly StackEnvironment Environment = new("123456789012", "eu-west-2");

    private static async Task<ProvisioningResult> Provision(string type, string logicalId, string properties)
    {
        var provisioner = new InMemoryResourceProvisioner();
        var request = new ResourceRequest(Environment, "my-stack", "arn:aws:cloudformation:eu-west-2:123456789012:stack/my-stack/x", logicalId, type,
            (JsonObject)JsonNode.Parse(properties)!);
        return await provisioner.CreateAsync(request, TestContext.Current.CancellationToken);
    }

    private static string? Attribute(ProvisioningResult result, string name) => TemplateValues.AsString(result.Attributes[name]);

    [Theory]
    [InlineData("AWS::SageMaker::NotebookInstance")]
    [InlineData("AWS::SageMaker::NotebookInstanceLifecycleConfig")]
    [InlineData("AWS::SageMaker::CodeRepository")]
    [InlineData("AWS::IAM::Role")]
    [InlineData("AWS::IAM::Policy")]
    [InlineData("AWS::IAM::ManagedPolicy")]
    [InlineData("AWS::IAM::InstanceProfile")]
    [InlineData("AWS::S3::Bucket")]
    [InlineData("AWS::S3::BucketPolicy")]
    [InlineData("AWS::KMS::Key")]
    [InlineData("AWS::KMS::Alias")]
    [InlineData("AWS::SSM::Parameter")]
    [InlineData("AWS::EC2::VPC")]
    [InlineData("AWS::EC2::Subnet")]
    [InlineData("AWS::EC2::SecurityGroup")]
    [InlineData("AWS::EC2::SecurityGroupIngress")]
    [InlineData("AWS::EC2::SecurityGroupEgress")]
    [InlineData("AWS::EC2::VPCEndpoint")]
    [InlineData("AWS::EC2::RouteTable")]
    [InlineData("AWS::EC2::SubnetRouteTableAssociation")]
    [InlineData("AWS::ServiceCatalog::Portfolio")]
    [InlineData("AWS::ServiceCatalog::CloudFormationProduct")]
    [InlineData("AWS::ServiceCatalog::PortfolioProductAssociation")]
    [InlineData("AWS::ServiceCatalog::PortfolioPrincipalAssociation")]
    [InlineData("AWS::ServiceCatalog::LaunchRoleConstraint")]
    [InlineData("AWS::ServiceCatalog::LaunchTemplateConstraint")]
    [InlineData("AWS::Events::Rule")]
    [InlineData("AWS::Lambda::Function")]
    [InlineData("AWS::Lambda::Permission")]
    [InlineData("AWS::CodeCommit::Repository")]
    [InlineData("AWS::CodeArtifact::Domain")]
    [InlineData("AWS::CodeArtifact::Repository")]
    [InlineData("AWS::Logs::LogGroup")]
    [InlineData("AWS::CloudFormation::Stack")]
    public void Every_modelled_type_is_in_the_catalogue(string type)
    {
        Assert.True(ResourceTypeCatalog.IsModelled(type));
        Assert.False(ResourceTypeCatalog.Get(type).IsGeneric);
    }

    [Fact]
    public void Unmodelled_types_get_a_generic_entry_that_allows_any_attribute()
    {
        Assert.True(ResourceTypeCatalog.Get("AWS::Foo::Bar").IsGeneric);
        Assert.True(ResourceTypeCatalog.SupportsAttribute("AWS::Foo::Bar", "Anything"));
        Assert.False(ResourceTypeCatalog.SupportsAttribute("AWS::S3::Bucket", "Anything"));
        Assert.True(ResourceTypeCatalog.SupportsAttribute("AWS::CloudFormation::Stack", "Outputs.VpcId"));
    }

    [Fact]
    public async Task Notebook_instance_ref_is_its_arn_and_named_resources_keep_their_name()
    {
        var result = await Provision("AWS::SageMaker::NotebookInstance", "Notebook", """{"NotebookInstanceName":"ds-nb","InstanceType":"ml.t3.medium","RoleArn":"r"}""");
        Assert.Equal("arn:aws:sagemaker:eu-west-2:123456789012:notebook-instance/ds-nb", result.PhysicalId);
        Assert.Equal(result.PhysicalId, Attribute(result, "NotebookInstanceArn"));
        Assert.Equal("ds-nb", Attribute(result, "NotebookInstanceName"));
    }

    [Fact]
    public async Task Role_ref_is_a_generated_name_and_its_arn_includes_the_path()
    {
        var result = await Provision("AWS::IAM::Role", "NotebookRole", """{"Path":"/ds/","AssumeRolePolicyDocument":{}}""");
        Assert.Matches("^my-stack-NotebookRole-[A-Z0-9]{13}$", result.PhysicalId);
        Assert.Equal($"arn:aws:iam::123456789012:role/ds/{result.PhysicalId}", Attribute(result, "Arn"));
        Assert.Matches("^AROA[A-Z0-9]{17}$", Attribute(result, "RoleId"));
    }

    [Fact]
    public async Task Bucket_names_are_lower_case_and_domain_names_follow_the_region()
    {
        var result = await Provision("AWS::S3::Bucket", "DataBucket", "{}");
        Assert.Matches("^my-stack-databucket-[a-z0-9]{12}$", result.PhysicalId);
        Assert.Equal($"arn:aws:s3:::{result.PhysicalId}", Attribute(result, "Arn"));
        Assert.Equal($"{result.PhysicalId}.s3.eu-west-2.amazonaws.com", Attribute(result, "RegionalDomainName"));
    }

    [Fact]
    public async Task Service_ids_have_aws_shapes()
    {
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", (await Provision("AWS::KMS::Key", "Key", "{}")).PhysicalId);
        Assert.Matches("^vpc-[0-9a-f]{17}$", (await Provision("AWS::EC2::VPC", "Vpc", "{}")).PhysicalId);
        Assert.Matches("^sg-[0-9a-f]{17}$", (await Provision("AWS::EC2::SecurityGroup", "Sg", """{"GroupDescription":"d"}""")).PhysicalId);
        Assert.Matches("^port-[a-z0-9]{13}$", (await Provision("AWS::ServiceCatalog::Portfolio", "P", """{"DisplayName":"d","ProviderName":"p"}""")).PhysicalId);
        Assert.Equal("port-1|prod-2", (await Provision("AWS::ServiceCatalog::PortfolioProductAssociation", "A", """{"PortfolioId":"port-1","ProductId":"prod-2"}""")).PhysicalId);
    }

    [Fact]
    public async Task Log_group_and_event_rule_arns_follow_the_documented_forms()
    {
        var logs = await Provision("AWS::Logs::LogGroup", "Logs", """{"LogGroupName":"/aws/x"}""");
        Assert.Equal("arn:aws:logs:eu-west-2:123456789012:log-group:/aws/x:*", Attribute(logs, "Arn"));
        var rule = await Provision("AWS::Events::Rule", "Rule", """{"Name":"r","EventBusName":"bus"}""");
        Assert.Equal("bus|r", rule.PhysicalId);
        Assert.Equal("arn:aws:events:eu-west-2:123456789012:rule/bus/r", Attribute(rule, "Arn"));
    }

    [Fact]
    public async Task The_in_memory_provisioner_refuses_duplicate_names_and_unsupported_types()
    {
        var provisioner = new InMemoryResourceProvisioner();
        var request = new ResourceRequest(Environment, "s", "id", "P", "AWS::SSM::Parameter", new JsonObject { ["Name"] = "n", ["Type"] = "String", ["Value"] = "v" });
        Assert.True((await provisioner.CreateAsync(request, TestContext.Current.CancellationToken)).Succeeded);
        var duplicate = await provisioner.CreateAsync(request with { LogicalId = "Q" }, TestContext.Current.CancellationToken);
        Assert.Equal(("Resource of type 'AWS::SSM::Parameter' with identifier 'n' already exists.", "AlreadyExists"), (duplicate.FailureReason, duplicate.HandlerErrorCode));
    }
}
