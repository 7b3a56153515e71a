using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>
/// Stacks run under their service role (CreateStack's <c>RoleARN</c>, Service Catalog's LAUNCH constraint role) or,
/// without one, as the calling assumed-role session. Every resource operation is authorised under that role's policies,
/// so a role that may not do something fails the resource with AWS's AccessDenied text, and the repository's launch
/// roles are proven sufficient (and tight) by launching the real products under them.
/// </summary>
public sealed class ServiceRoleTests : LocalCloudTest
{
    private const string Account = "000000000000";

    private const string CloudFormationTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cloudformation.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private const string ServiceCatalogTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"servicecatalog.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    /// <summary>Buckets may be created and deleted, parameters only created.</summary>
    private const string BucketsAndParameters = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["s3:CreateBucket","s3:DeleteBucket"],"Resource":"arn:aws:s3:::role-*"},
          {"Effect":"Allow","Action":"ssm:PutParameter","Resource":"arn:aws:ssm:*:*:parameter/role/*"}]}
        """;

    [Fact]
    public async Task A_stack_with_a_role_ARN_creates_and_deletes_only_what_the_role_allows()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        var role = await CreateRoleAsync(wire, "cfn-buckets", CloudFormationTrust, BucketsAndParameters);
        var catalogOnly = await CreateRoleAsync(wire, "catalog-only", ServiceCatalogTrust, BucketsAndParameters);
        const string Allowed = """
            Resources:
              Bucket: { Type: AWS::S3::Bucket, Properties: { BucketName: role-allowed } }
              Setting: { Type: AWS::SSM::Parameter, Properties: { Name: /role/allowed, Type: String, Value: 'yes' } }
            """;
        const string WithKey = """
            Resources:
              Bucket: { Type: AWS::S3::Bucket, Properties: { BucketName: role-with-key } }
              Key: { Type: AWS::KMS::Key, DependsOn: Bucket }
            """;

        var missing = await Assert.ThrowsAsync<AwsWireException>(() => cfn.CreateStackAsync("missing-role", Allowed, roleArn: $"arn:aws:iam::{Account}:role/nobody"));
        var untrusted = await Assert.ThrowsAsync<AwsWireException>(() => cfn.CreateStackAsync("untrusted-role", Allowed, roleArn: catalogOnly));
        await cfn.CreateStackAsync("allowed", Allowed, roleArn: role);
        var allowed = await cfn.DescribeAsync("allowed");
        await cfn.CallAsync("CreateChangeSet", new Dictionary<string, string>
        {
            ["StackName"] = "by-change-set",
            ["ChangeSetName"] = "first",
            ["ChangeSetType"] = "CREATE",
            ["TemplateBody"] = "Resources:\n  Bucket: { Type: AWS::S3::Bucket, Properties: { BucketName: role-change-set } }\n",
            ["RoleARN"] = role,
        });
        await cfn.CallAsync("ExecuteChangeSet", new Dictionary<string, string> { ["StackName"] = "by-change-set", ["ChangeSetName"] = "first" });
        var byChangeSet = await cfn.DescribeAsync("by-change-set");
        await cfn.CreateStackAsync("with-key", WithKey, roleArn: role);
        var withKeyStatus = await cfn.StatusAsync("with-key");
        var keyFailure = await cfn.FailuresAsync("with-key");
        await cfn.DeleteStackAsync("allowed");
        var deleteStatus = await cfn.StatusAsync("allowed");
        var deleteFailure = await cfn.FailuresAsync("allowed");
        using var s3 = SdkClients.S3(Server.Endpoint);
        var buckets = (await s3.ListBucketsAsync(Ct)).Buckets?.Select(b => b.BucketName).ToList() ?? [];

        Assert.Equal("ValidationError", missing.Code);
        Assert.EndsWith($"Role arn:aws:iam::{Account}:role/nobody is invalid or cannot be assumed", missing.Message, StringComparison.Ordinal);
        Assert.Equal("ValidationError", untrusted.Code);
        Assert.EndsWith($"Role {catalogOnly} is invalid or cannot be assumed", untrusted.Message, StringComparison.Ordinal);
        Assert.Equal("CREATE_COMPLETE", CfnClient.Value(allowed, "StackStatus"));
        Assert.Equal(role, CfnClient.Value(allowed, "RoleARN"));
        Assert.Equal(role, CfnClient.Value(byChangeSet, "RoleARN"));
        Assert.Equal("ROLLBACK_COMPLETE", withKeyStatus);
        Assert.Contains(
            $"Key: Resource handler returned message: \"User: arn:aws:sts::{Account}:assumed-role/cfn-buckets/AWSCloudFormation is not authorized to perform: kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action (Service: kms, Status Code: 400",
            keyFailure,
            StringComparison.Ordinal);
        Assert.Contains("HandlerErrorCode: AccessDenied)", keyFailure, StringComparison.Ordinal);
        Assert.DoesNotContain("role-with-key", buckets);
        Assert.Equal("DELETE_FAILED", deleteStatus);
        Assert.Contains($"is not authorized to perform: ssm:DeleteParameter on resource: arn:aws:ssm:eu-west-1:{Account}:parameter/role/allowed", deleteFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_without_a_role_acts_as_the_calling_session_and_root_keys_act_with_LocalClouds_authority()
    {
        using var root = new AwsWireClient(Server.Endpoint);
        var deployer = await CreateRoleAsync(root, "deployer", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"sts:AssumeRole"}]}""", BucketsAndParameters);
        var assumed = await root.QueryAsync("sts", "2011-06-15", "AssumeRole", new Dictionary<string, string> { ["RoleArn"] = deployer, ["RoleSessionName"] = "dana" });
        string Credential(string name) => assumed.Descendants().First(e => e.Name.LocalName == name).Value;
        using var session = new AwsWireClient(Server.Endpoint, new Amazon.Runtime.SessionAWSCredentials(Credential("AccessKeyId"), Credential("SecretAccessKey"), Credential("SessionToken")));
        var asSession = new CfnClient(session);
        const string BucketAndLogs = """
            Resources:
              Bucket: { Type: AWS::S3::Bucket, Properties: { BucketName: role-session } }
              Logs: { Type: AWS::Logs::LogGroup, DependsOn: Bucket }
            """;
        var (product, artifact) = await PublishAsync(root, "no-launch-role", "Resources:\n  Logs: { Type: AWS::Logs::LogGroup }\n", launchRole: null, principal: deployer);

        await asSession.CreateStackAsync("as-session", BucketAndLogs);
        var sessionStatus = await asSession.StatusAsync("as-session");
        var sessionFailures = await asSession.FailuresAsync("as-session");
        await new CfnClient(root).CreateStackAsync("as-root", BucketAndLogs.Replace("role-session", "role-root", StringComparison.Ordinal));
        var rootStatus = await new CfnClient(root).StatusAsync("as-root");
        var launched = await RecordAsync(session, await ProvisionAsync(session, product, artifact, "by-dana", []));

        Assert.Equal("ROLLBACK_COMPLETE", sessionStatus);
        Assert.Contains($"User: arn:aws:sts::{Account}:assumed-role/deployer/dana is not authorized to perform: logs:CreateLogGroup", sessionFailures, StringComparison.Ordinal);
        Assert.Equal("CREATE_COMPLETE", rootStatus);
        Assert.Equal("FAILED", Status(launched));
        Assert.Contains($"assumed-role/deployer/dana is not authorized to perform: logs:CreateLogGroup", Errors(launched), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_and_deletes_are_authorised_on_the_resource_the_stack_created()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        await CreateRoleAsync(wire, "profile-role", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""", BucketsAndParameters);
        var role = await CreateRoleAsync(wire, "profiles-only", CloudFormationTrust, """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":["iam:CreateInstanceProfile","iam:AddRoleToInstanceProfile","iam:DeleteInstanceProfile"],"Resource":"arn:aws:iam::*:instance-profile/apps/role-profile"},
              {"Effect":"Allow","Action":["ssm:PutParameter","ssm:DeleteParameter"],"Resource":"arn:aws:ssm:*:*:parameter/role/profile"}]}
            """);
        const string Template = """
            Resources:
              Profile: { Type: AWS::IAM::InstanceProfile, Properties: { InstanceProfileName: role-profile, Path: /apps/, Roles: [profile-role] } }
              Setting: { Type: AWS::SSM::Parameter, Properties: { Name: /role/profile, Type: String, Value: one } }
            """;

        var stackId = await cfn.CreateStackAsync("profiles", Template, roleArn: role);
        var created = await cfn.StatusAsync("profiles");
        await cfn.UpdateStackAsync("profiles", Template.Replace("Value: one", "Value: two", StringComparison.Ordinal));
        var updated = await cfn.StatusAsync("profiles");
        using var ssm = SdkClients.Ssm(Server.Endpoint);
        var value = (await ssm.GetParameterAsync(new Amazon.SimpleSystemsManagement.Model.GetParameterRequest { Name = "/role/profile" }, Ct)).Parameter.Value;
        await cfn.DeleteStackAsync("profiles");
        var deleted = await cfn.StatusAsync(stackId);

        Assert.Equal("CREATE_COMPLETE", created);
        Assert.True(updated == "UPDATE_COMPLETE", updated + "\n" + await cfn.FailuresAsync(stackId));
        Assert.Equal("two", value);
        Assert.True(deleted == "DELETE_COMPLETE", deleted + "\n" + await cfn.FailuresAsync(stackId));
    }

    [Fact]
    public async Task A_role_handed_to_a_service_needs_iam_PassRole_to_that_service()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        var execution = await CreateRoleAsync(wire, "notebook-execution", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}""", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""");
        string Policy(string service) => new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(
                new JsonObject { ["Effect"] = "Allow", ["Action"] = new JsonArray("sagemaker:CreateNotebookInstance", "sagemaker:StopNotebookInstance", "sagemaker:DeleteNotebookInstance"), ["Resource"] = "*" },
                new JsonObject
                {
                    ["Effect"] = "Allow",
                    ["Action"] = "iam:PassRole",
                    ["Resource"] = execution,
                    ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["iam:PassedToService"] = service } },
                }),
        }.ToJsonString();
        var toLambda = await CreateRoleAsync(wire, "passes-to-lambda", CloudFormationTrust, Policy("lambda.amazonaws.com"));
        var toSageMaker = await CreateRoleAsync(wire, "passes-to-sagemaker", CloudFormationTrust, Policy("sagemaker.amazonaws.com"));
        var template = $$"""
            Resources:
              Notebook: { Type: AWS::SageMaker::NotebookInstance, Properties: { InstanceType: ml.t3.medium, RoleArn: '{{execution}}' } }
            """;

        await cfn.CreateStackAsync("wrong-service", template, roleArn: toLambda);
        var refused = await cfn.FailuresAsync("wrong-service");
        await cfn.CreateStackAsync("right-service", template, roleArn: toSageMaker);
        var created = await cfn.StatusAsync("right-service");

        Assert.Equal("ROLLBACK_COMPLETE", await cfn.StatusAsync("wrong-service"));
        Assert.Contains($"assumed-role/passes-to-lambda/AWSCloudFormation is not authorized to perform: iam:PassRole on resource: {execution} because no identity-based policy allows the iam:PassRole action (Service: iam, Status Code: 403", refused, StringComparison.Ordinal);
        Assert.Equal("CREATE_COMPLETE", created);
    }

    [Fact]
    public async Task A_nested_stack_runs_under_its_parents_role_and_the_role_survives_a_restart()
    {
        using var data = new DataDirectory("localcloud-role-");
        var settings = data.Settings;
        string role;
        string status;
        string childFailures;
        await using (var first = await LocalCloudServer.StartAsync(settings))
        {
            using var wire = new AwsWireClient(first.Endpoint);
            var cfn = new CfnClient(wire);
            role = await CreateRoleAsync(wire, "cfn-nested", CloudFormationTrust, BucketsAndParameters);
            using var s3 = SdkClients.S3(first.Endpoint);
            await s3.PutBucketAsync("nested-templates", Ct);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "nested-templates", Key = "child.yaml", ContentBody = "Resources:\n  Logs: { Type: AWS::Logs::LogGroup }\n" }, Ct);
            const string Parent = """
                Resources:
                  Bucket: { Type: AWS::S3::Bucket, Properties: { BucketName: role-parent } }
                  Child: { Type: AWS::CloudFormation::Stack, DependsOn: Bucket, Properties: { TemplateURL: 'https://nested-templates.s3.amazonaws.com/child.yaml' } }
                """;

            await cfn.CreateStackAsync("parent", Parent, roleArn: role);
            status = await cfn.StatusAsync("parent");
            var child = CfnClient.Members(CfnClient.Element(await cfn.CallAsync("ListStacks"), "StackSummaries"))
                .Where(m => CfnClient.Value(m, "StackName").StartsWith("parent-Child-", StringComparison.Ordinal))
                .Select(m => CfnClient.Value(m, "StackId"))
                .First();
            childFailures = await cfn.FailuresAsync(child);
            await cfn.CreateStackAsync("plain", "Resources:\n  Bucket: { Type: AWS::S3::Bucket, Properties: { BucketName: role-plain } }\n", roleArn: role);
        }

        await using var second = await LocalCloudServer.StartAsync(settings);
        using var again = new AwsWireClient(second.Endpoint);
        var restored = await new CfnClient(again).DescribeAsync("plain");

        Assert.Equal("ROLLBACK_COMPLETE", status);
        Assert.Contains("assumed-role/cfn-nested/AWSCloudFormation is not authorized to perform: logs:CreateLogGroup", childFailures, StringComparison.Ordinal);
        Assert.Equal(role, CfnClient.Value(restored, "RoleARN"));
    }

    [Fact]
    public async Task Service_Catalog_refuses_a_launch_role_it_cannot_assume_or_that_may_not_create_the_stack()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfnTrusted = await CreateRoleAsync(wire, "trusts-cfn", CloudFormationTrust, BucketsAndParameters);
        var noStacks = await CreateRoleAsync(wire, "no-stacks", ServiceCatalogTrust, BucketsAndParameters);
        var (untrustedProduct, untrustedArtifact) = await PublishAsync(wire, "untrusted", "Resources:\n  Bucket: { Type: AWS::S3::Bucket, Properties: { BucketName: role-sc-a } }\n", cfnTrusted);
        var (stacklessProduct, stacklessArtifact) = await PublishAsync(wire, "stackless", "Resources:\n  Bucket: { Type: AWS::S3::Bucket, Properties: { BucketName: role-sc-b } }\n", noStacks);

        var untrusted = await RecordAsync(wire, await ProvisionAsync(wire, untrustedProduct, untrustedArtifact, "untrusted", []));
        var stackless = await RecordAsync(wire, await ProvisionAsync(wire, stacklessProduct, stacklessArtifact, "stackless", []));

        Assert.Equal("FAILED", Status(untrusted));
        Assert.Equal($"Unable to assume the launch role {cfnTrusted}: its trust policy does not allow servicecatalog.amazonaws.com to assume it.", Errors(untrusted));
        Assert.Equal("FAILED", Status(stackless));
        Assert.StartsWith($"User: arn:aws:sts::{Account}:assumed-role/no-stacks/servicecatalog is not authorized to perform: cloudformation:CreateStack on resource: arn:aws:cloudformation:eu-west-1:{Account}:stack/SC-{Account}-pp-", Errors(stackless), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_notebook_launch_role_refuses_notebooks_with_internet_access_and_execution_roles_without_the_boundary()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        await cfn.CreateStackAsync(WorkshopStacks.Foundation, Templates.Read("platform/foundation.yaml"));
        await cfn.CreateStackAsync(WorkshopStacks.Environment, Templates.Read("environment/project-environment.yaml"), WorkshopStacks.EnvironmentParameters);
        var launchRole = (await cfn.OutputsAsync(WorkshopStacks.Environment))["NotebookLaunchRoleArn"];
        var v2 = Templates.Read("products/sagemaker-notebook/v2.yaml");
        var withInternet = v2.Replace("DirectInternetAccess: Disabled", "DirectInternetAccess: Enabled", StringComparison.Ordinal);
        var withoutBoundary = v2.Replace("      PermissionsBoundary:\n        Fn::ImportValue: !Sub '${ProjectName}-${EnvironmentType}-NotebookPermissionsBoundaryArn'\n", string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(v2, withInternet);
        Assert.NotEqual(v2, withoutBoundary);
        var parameters = WorkshopStacks.NotebookParameters.Where(p => p.Key != "NotebookName").ToList();

        var (internetProduct, internetArtifact) = await PublishAsync(wire, "internet", withInternet, launchRole);
        var (boundaryProduct, boundaryArtifact) = await PublishAsync(wire, "boundary", withoutBoundary, launchRole);
        var (goodProduct, goodArtifact) = await PublishAsync(wire, "good", v2, launchRole);
        var internet = await RecordAsync(wire, await ProvisionAsync(wire, internetProduct, internetArtifact, "internet", [.. parameters, new("NotebookName", "web")]));
        var boundary = await RecordAsync(wire, await ProvisionAsync(wire, boundaryProduct, boundaryArtifact, "boundary", [.. parameters, new("NotebookName", "free")]));
        var good = await RecordAsync(wire, await ProvisionAsync(wire, goodProduct, goodArtifact, "good", [.. parameters, new("NotebookName", "bob")]));
        var notebooks = (await wire.SageMakerAsync("ListNotebookInstances", new JsonObject()))["NotebookInstances"]!.AsArray()
            .Select(n => n!["NotebookInstanceName"]!.GetValue<string>()).ToList();
        var terminated = await RecordAsync(wire, await wire.ServiceCatalogAsync("TerminateProvisionedProduct", new JsonObject { ["ProvisionedProductName"] = "good", ["TerminateToken"] = Guid.NewGuid().ToString() }));

        var sessionArn = $"arn:aws:sts::{Account}:assumed-role/churn-dev-notebook-launch/AWSCloudFormation";
        Assert.Equal("FAILED", Status(internet));
        Assert.Contains($"User: {sessionArn} is not authorized to perform: sagemaker:CreateNotebookInstance on resource: arn:aws:sagemaker:eu-west-1:{Account}:notebook-instance/churn-dev-web because no identity-based policy allows the sagemaker:CreateNotebookInstance action", Errors(internet), StringComparison.Ordinal);
        Assert.Equal("FAILED", Status(boundary));
        Assert.Contains($"User: {sessionArn} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::{Account}:role/portal/projects/churn/dev/churn-dev-nb-free", Errors(boundary), StringComparison.Ordinal);
        Assert.Equal("SUCCEEDED", Status(good));
        Assert.Equal(["churn-dev-bob"], notebooks);
        Assert.Equal("SUCCEEDED", Status(terminated));
    }

    [Fact]
    public async Task The_project_environment_product_launches_and_terminates_under_the_foundation_launch_role_which_never_opens_a_path_to_the_internet()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        await cfn.CreateStackAsync(WorkshopStacks.Foundation, Templates.Read("platform/foundation.yaml"));
        var launchRole = (await cfn.OutputsAsync(WorkshopStacks.Foundation))["ServiceCatalogLaunchRoleArn"];
        var environment = Templates.Read("environment/project-environment.yaml");
        var withGateway = environment.Replace("\nResources:\n", "\nResources:\n  Gateway:\n    Type: AWS::EC2::InternetGateway\n", StringComparison.Ordinal);
        Assert.NotEqual(environment, withGateway);
        var (product, artifact) = await PublishAsync(wire, "environment", environment, launchRole);
        var (gatewayProduct, gatewayArtifact) = await PublishAsync(wire, "gateway", withGateway, launchRole);

        var gatewaysBefore = await GatewayCountAsync(wire);
        var launched = await RecordAsync(wire, await ProvisionAsync(wire, product, artifact, "churn-dev", [new("ProjectName", "churn"), new("EnvironmentType", "dev")]));
        var terminated = await RecordAsync(wire, await wire.ServiceCatalogAsync("TerminateProvisionedProduct", new JsonObject { ["ProvisionedProductName"] = "churn-dev", ["TerminateToken"] = Guid.NewGuid().ToString() }));
        var gateway = await RecordAsync(wire, await ProvisionAsync(wire, gatewayProduct, gatewayArtifact, "open-dev", [new("ProjectName", "open"), new("EnvironmentType", "dev")]));
        var gatewaysAfter = await GatewayCountAsync(wire);

        Assert.True(Status(launched) == "SUCCEEDED", Errors(launched));
        Assert.True(Status(terminated) == "SUCCEEDED", Errors(terminated));
        Assert.Equal("FAILED", Status(gateway));
        Assert.Contains(
            $"is not authorized to perform: ec2:CreateInternetGateway on resource: arn:aws:ec2:eu-west-1:{Account}:internet-gateway/* with an explicit deny in an identity-based policy",
            Errors(gateway),
            StringComparison.Ordinal);
        Assert.Equal(gatewaysBefore, gatewaysAfter);
    }

    /// <summary>Internet gateways in the Region (LocalCloud's default VPC has one, as on AWS).</summary>
    private static async Task<int> GatewayCountAsync(AwsWireClient wire) =>
        (await wire.QueryAsync("ec2", "2016-11-15", "DescribeInternetGateways")).Descendants().Count(e => e.Name.LocalName == "internetGatewayId");

    private static async Task<string> CreateRoleAsync(AwsWireClient wire, string name, string trust, string policy)
    {
        var created = await wire.QueryAsync("iam", "2010-05-08", "CreateRole", new Dictionary<string, string> { ["RoleName"] = name, ["AssumeRolePolicyDocument"] = trust });
        await wire.QueryAsync("iam", "2010-05-08", "PutRolePolicy", new Dictionary<string, string> { ["RoleName"] = name, ["PolicyName"] = "permissions", ["PolicyDocument"] = policy });
        return CfnClient.Value(created, "Arn");
    }

    /// <summary>
    /// A portfolio with one product whose only version is <paramref name="template"/>, launched under
    /// <paramref name="launchRole"/> (none: as the end user), shared with <paramref name="principal"/> (default: the account root).
    /// </summary>
    private async Task<(string ProductId, string ArtifactId)> PublishAsync(AwsWireClient wire, string name, string template, string? launchRole, string? principal = null)
    {
        using var s3 = SdkClients.S3(Server.Endpoint);
        await s3.PutBucketAsync("products-" + name, Ct);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "products-" + name, Key = "product.yaml", ContentBody = template }, Ct);
        var portfolio = await wire.ServiceCatalogAsync("CreatePortfolio", new JsonObject { ["DisplayName"] = name, ["ProviderName"] = "Portal", ["IdempotencyToken"] = Guid.NewGuid().ToString() });
        var portfolioId = portfolio["PortfolioDetail"]!["Id"]!.GetValue<string>();
        var product = await wire.ServiceCatalogAsync("CreateProduct", new JsonObject
        {
            ["Name"] = name,
            ["Owner"] = "Portal",
            ["ProductType"] = "CLOUD_FORMATION_TEMPLATE",
            ["ProvisioningArtifactParameters"] = new JsonObject
            {
                ["Name"] = "v1",
                ["Type"] = "CLOUD_FORMATION_TEMPLATE",
                ["Info"] = new JsonObject { ["LoadTemplateFromURL"] = $"https://products-{name}.s3.amazonaws.com/product.yaml" },
            },
            ["IdempotencyToken"] = Guid.NewGuid().ToString(),
        });
        var productId = product["ProductViewDetail"]!["ProductViewSummary"]!["ProductId"]!.GetValue<string>();
        await wire.ServiceCatalogAsync("AssociateProductWithPortfolio", new JsonObject { ["ProductId"] = productId, ["PortfolioId"] = portfolioId });
        await wire.ServiceCatalogAsync("AssociatePrincipalWithPortfolio", new JsonObject { ["PortfolioId"] = portfolioId, ["PrincipalARN"] = principal ?? $"arn:aws:iam::{Account}:root", ["PrincipalType"] = "IAM" });
        if (launchRole is not null)
        {
            await wire.ServiceCatalogAsync("CreateConstraint", new JsonObject
            {
                ["PortfolioId"] = portfolioId,
                ["ProductId"] = productId,
                ["Type"] = "LAUNCH",
                ["Parameters"] = $$"""{"RoleArn":"{{launchRole}}"}""",
                ["IdempotencyToken"] = Guid.NewGuid().ToString(),
            });
        }
        return (productId, product["ProvisioningArtifactDetail"]!["Id"]!.GetValue<string>());
    }

    private static Task<JsonObject> ProvisionAsync(AwsWireClient wire, string productId, string artifactId, string name, IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        wire.ServiceCatalogAsync("ProvisionProduct", new JsonObject
        {
            ["ProductId"] = productId,
            ["ProvisioningArtifactId"] = artifactId,
            ["ProvisionedProductName"] = name,
            ["ProvisioningParameters"] = new JsonArray(parameters.Select(p => (JsonNode)new JsonObject { ["Key"] = p.Key, ["Value"] = p.Value }).ToArray()),
            ["ProvisionToken"] = Guid.NewGuid().ToString(),
        });

    private static Task<JsonObject> RecordAsync(AwsWireClient wire, JsonObject answer) =>
        wire.ServiceCatalogAsync("DescribeRecord", new JsonObject { ["Id"] = answer["RecordDetail"]!["RecordId"]!.GetValue<string>() });

    private static string Status(JsonObject record) => record["RecordDetail"]!["Status"]!.GetValue<string>();

    private static string Errors(JsonObject record) =>
        string.Join("\n", (record["RecordDetail"]!["RecordErrors"] as JsonArray ?? []).Select(e => e!["Description"]!.GetValue<string>()));
}
