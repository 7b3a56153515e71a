using System.Text.Json.Nodes;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Cli;

/// <summary>The Service Catalog admin flow of the workshop, driven by the AWS CLI.</summary>
public sealed class ServiceCatalogCliTests(LocalCloudFixture cloud)
{
    public const string NotebookTemplate = """
        AWSTemplateFormatVersion: '2010-09-09'
        Description: Notebook for a data scientist
        Parameters:
          ProjectName:
            Type: String
            Description: Project the notebook belongs to
            AllowedPattern: '[a-z0-9-]+'
          InstanceType:
            Type: String
            Default: ml.t3.medium
            AllowedValues: [ml.t3.medium, ml.t3.large, ml.p3.2xlarge]
          VolumeSize:
            Type: Number
            Default: 5
            MinValue: 5
            MaxValue: 100
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: !Ref InstanceType
              NotebookInstanceName: !Sub 'ds-notebook-${ProjectName}'
              RoleArn: !GetAtt Role.Arn
        Outputs:
          NotebookUrl:
            Description: Open the notebook here
            Value: !Sub 'https://${Notebook.NotebookInstanceName}.notebook.${AWS::Region}.sagemaker.aws'
        """;

    [Fact]
    public async Task An_administrator_publishes_a_product_with_two_versions_a_launch_constraint_and_a_principal()
    {
        var aws = new AwsCli(cloud.Endpoint);
        var bucket = "templates-" + Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(Path.GetTempPath(), bucket + ".yaml");
        await File.WriteAllTextAsync(file, NotebookTemplate, TestContext.Current.CancellationToken);
        await aws.RunAsync("s3", "mb", $"s3://{bucket}");
        var copy = await aws.RunAsync("s3", "cp", file, $"s3://{bucket}/notebook v1.yaml");
        Assert.Equal(0, copy.ExitCode);
        var url = $"{cloud.Endpoint}/{bucket}/notebook%20v1.yaml";

        var portfolio = await aws.JsonAsync("servicecatalog", "create-portfolio", "--display-name", "Project " + bucket, "--provider-name", "Platform");
        var portfolioId = AwsCli.Str(portfolio["PortfolioDetail"]!["Id"]);
        var product = await aws.JsonAsync("servicecatalog", "create-product", "--name", "Notebook " + bucket, "--owner", "Platform", "--product-type", "CLOUD_FORMATION_TEMPLATE",
            "--provisioning-artifact-parameters", new JsonObject { ["Name"] = "v1", ["Type"] = "CLOUD_FORMATION_TEMPLATE", ["Info"] = new JsonObject { ["LoadTemplateFromURL"] = url } }.ToJsonString());
        var productId = AwsCli.Str(product["ProductViewDetail"]!["ProductViewSummary"]!["ProductId"]);
        var v1 = AwsCli.Str(product["ProvisioningArtifactDetail"]!["Id"]);
        var v2 = await aws.JsonAsync("servicecatalog", "create-provisioning-artifact", "--product-id", productId,
            "--parameters", new JsonObject { ["Name"] = "v2", ["Description"] = "preventive controls", ["Type"] = "CLOUD_FORMATION_TEMPLATE", ["Info"] = new JsonObject { ["LoadTemplateFromURL"] = url } }.ToJsonString());
        await aws.JsonAsync("servicecatalog", "update-provisioning-artifact", "--product-id", productId, "--provisioning-artifact-id", v1, "--guidance", "DEPRECATED");
        await aws.JsonAsync("servicecatalog", "associate-product-with-portfolio", "--product-id", productId, "--portfolio-id", portfolioId);
        var constraint = await aws.JsonAsync("servicecatalog", "create-constraint", "--portfolio-id", portfolioId, "--product-id", productId, "--type", "LAUNCH",
            "--parameters", """{"RoleArn":"arn:aws:iam::000000000000:role/SCLaunchRole"}""");
        await aws.JsonAsync("servicecatalog", "create-constraint", "--portfolio-id", portfolioId, "--product-id", productId, "--type", "TEMPLATE",
            "--parameters", """{"Rules":{"Types":{"Assertions":[{"Assert":{"Fn::Contains":[["ml.t3.medium","ml.t3.large"],{"Ref":"InstanceType"}]}}]}}}""");
        await aws.JsonAsync("servicecatalog", "associate-principal-with-portfolio", "--portfolio-id", portfolioId, "--principal-arn", "arn:aws:iam::000000000000:root", "--principal-type", "IAM");

        var artifacts = await aws.JsonAsync("servicecatalog", "list-provisioning-artifacts", "--product-id", productId);
        var constraints = await aws.JsonAsync("servicecatalog", "list-constraints-for-portfolio", "--portfolio-id", portfolioId);
        var principals = await aws.JsonAsync("servicecatalog", "list-principals-for-portfolio", "--portfolio-id", portfolioId);
        var asAdmin = await aws.JsonAsync("servicecatalog", "search-products-as-admin", "--portfolio-id", portfolioId);
        var described = await aws.JsonAsync("servicecatalog", "describe-product", "--id", productId);
        var pathId = AwsCli.Str(described["LaunchPaths"]![0]!["Id"]);
        var parameters = await aws.JsonAsync("servicecatalog", "describe-provisioning-parameters", "--product-id", productId, "--provisioning-artifact-id", AwsCli.Str(v2["ProvisioningArtifactDetail"]!["Id"]), "--path-id", pathId);

        Assert.Equal("LAUNCH", AwsCli.Str(constraint["ConstraintDetail"]!["Type"]));
        Assert.Equal(["DEPRECATED", "DEFAULT"], artifacts["ProvisioningArtifactDetails"]!.AsArray().Select(a => AwsCli.Str(a!["Guidance"])));
        Assert.Equal(2, constraints["ConstraintDetails"]!.AsArray().Count);
        Assert.Equal("arn:aws:iam::000000000000:root", AwsCli.Str(principals["Principals"]![0]!["PrincipalARN"]));
        Assert.Equal(productId, AwsCli.Str(Assert.Single(asAdmin["ProductViewDetails"]!.AsArray())!["ProductViewSummary"]!["ProductId"]));
        var instanceType = parameters["ProvisioningArtifactParameters"]!.AsArray().Single(p => AwsCli.Str(p!["ParameterKey"]) == "InstanceType")!;
        Assert.Equal(["ml.t3.medium", "ml.t3.large"], instanceType["ParameterConstraints"]!["AllowedValues"]!.AsArray().Select(AwsCli.Str));
        Assert.Equal("NotebookUrl", AwsCli.Str(parameters["ProvisioningArtifactOutputKeys"]![0]!["Key"]));
    }

    [Fact]
    public async Task A_launch_is_recorded_and_a_deprecated_version_or_a_disallowed_value_is_refused()
    {
        var aws = new AwsCli(cloud.Endpoint);
        var (productId, v1, v2) = await PublishAsync(aws);

        var deprecated = await aws.RunAsync("servicecatalog", "provision-product", "--product-id", productId, "--provisioning-artifact-id", v1,
            "--provisioned-product-name", "nb-old", "--provisioning-parameters", "Key=ProjectName,Value=p1");
        var disallowed = await aws.RunAsync("servicecatalog", "provision-product", "--product-id", productId, "--provisioning-artifact-id", v2,
            "--provisioned-product-name", "nb-big", "--provisioning-parameters", "Key=ProjectName,Value=p1", "Key=InstanceType,Value=ml.p3.2xlarge");
        var launched = await aws.JsonAsync("servicecatalog", "provision-product", "--product-id", productId, "--provisioning-artifact-id", v2,
            "--provisioned-product-name", "nb-" + Guid.NewGuid().ToString("N")[..8], "--provisioning-parameters", "Key=ProjectName,Value=p1");
        var recordId = AwsCli.Str(launched["RecordDetail"]!["RecordId"]);
        var record = await aws.JsonAsync("servicecatalog", "describe-record", "--id", recordId);

        Assert.Equal(254, deprecated.ExitCode);
        Assert.Contains("InvalidParametersException", deprecated.StandardError, StringComparison.Ordinal);
        Assert.Equal(254, disallowed.ExitCode);
        Assert.Contains("AllowedValues", disallowed.StandardError, StringComparison.Ordinal);
        Assert.Equal("CREATED", AwsCli.Str(launched["RecordDetail"]!["Status"]));
        // The stack engine runs the launch; its LAUNCH constraint names a role that does not exist, so the record fails.
        Assert.Equal("FAILED", AwsCli.Str(record["RecordDetail"]!["Status"]));
        Assert.Contains("SCLaunchRole", AwsCli.Str(record["RecordDetail"]!["RecordErrors"]![0]!["Description"]), StringComparison.Ordinal);
        Assert.Equal("arn:aws:iam::000000000000:role/SCLaunchRole", AwsCli.Str(record["RecordDetail"]!["LaunchRoleArn"]));
    }

    private async Task<(string ProductId, string V1, string V2)> PublishAsync(AwsCli aws)
    {
        var bucket = "tpl-" + Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(Path.GetTempPath(), bucket + ".yaml");
        await File.WriteAllTextAsync(file, NotebookTemplate, TestContext.Current.CancellationToken);
        await aws.RunAsync("s3", "mb", $"s3://{bucket}");
        await aws.RunAsync("s3", "cp", file, $"s3://{bucket}/nb.yaml");
        var info = new JsonObject { ["LoadTemplateFromURL"] = $"https://{bucket}.s3.eu-west-1.amazonaws.com/nb.yaml" };
        var portfolioId = AwsCli.Str((await aws.JsonAsync("servicecatalog", "create-portfolio", "--display-name", bucket, "--provider-name", "Platform"))["PortfolioDetail"]!["Id"]);
        var product = await aws.JsonAsync("servicecatalog", "create-product", "--name", bucket, "--owner", "Platform", "--product-type", "CLOUD_FORMATION_TEMPLATE",
            "--provisioning-artifact-parameters", new JsonObject { ["Name"] = "v1", ["Info"] = info.DeepClone() }.ToJsonString());
        var productId = AwsCli.Str(product["ProductViewDetail"]!["ProductViewSummary"]!["ProductId"]);
        var v1 = AwsCli.Str(product["ProvisioningArtifactDetail"]!["Id"]);
        var v2 = AwsCli.Str((await aws.JsonAsync("servicecatalog", "create-provisioning-artifact", "--product-id", productId,
            "--parameters", new JsonObject { ["Name"] = "v2", ["Info"] = info.DeepClone() }.ToJsonString()))["ProvisioningArtifactDetail"]!["Id"]);
        await aws.JsonAsync("servicecatalog", "update-provisioning-artifact", "--product-id", productId, "--provisioning-artifact-id", v1, "--guidance", "DEPRECATED");
        await aws.JsonAsync("servicecatalog", "associate-product-with-portfolio", "--product-id", productId, "--portfolio-id", portfolioId);
        await aws.JsonAsync("servicecatalog", "create-constraint", "--portfolio-id", portfolioId, "--product-id", productId, "--type", "LAUNCH", "--parameters", """{"LocalRoleName":"SCLaunchRole"}""");
        await aws.JsonAsync("servicecatalog", "create-constraint", "--portfolio-id", portfolioId, "--product-id", productId, "--type", "TEMPLATE",
            "--parameters", """{"Rules":{"Types":{"Assertions":[{"Assert":{"Fn::Contains":[["ml.t3.medium","ml.t3.large"],{"Ref":"InstanceType"}]}}]}}}""");
        await aws.JsonAsync("servicecatalog", "associate-principal-with-portfolio", "--portfolio-id", portfolioId, "--principal-arn", "arn:aws:iam::000000000000:root", "--principal-type", "IAM");
        return (productId, v1, v2);
    }
}
