using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>A stack in the style of the workshop's reference architecture that publishes a Service Catalog portfolio, product and constraints.</summary>
public sealed class CatalogStackTests : LocalCloudTest
{
    internal const string ProductTemplate = """
        Parameters:
          InstanceType: { Type: String, Default: ml.t3.medium, AllowedValues: [ml.t3.medium, ml.t3.large, ml.p3.2xlarge] }
        Resources:
          Setting:
            Type: AWS::SSM::Parameter
            Properties: { Type: String, Value: !Ref InstanceType }
        """;

    internal const string CatalogTemplate = """
        Resources:
          LaunchRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: servicecatalog.amazonaws.com }, Action: sts:AssumeRole }] }
              Policies:
                - PolicyName: launch-settings-product
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - { Effect: Allow, Action: ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DeleteStack'], Resource: !Sub 'arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/SC-*' }
                      - { Effect: Allow, Action: ['ssm:PutParameter', 'ssm:DeleteParameter'], Resource: '*' }
          Portfolio:
            Type: AWS::ServiceCatalog::Portfolio
            Properties: { DisplayName: Data science, ProviderName: Platform team }
          Product:
            Type: AWS::ServiceCatalog::CloudFormationProduct
            Properties:
              Name: Settings product
              Owner: Platform team
              ProvisioningArtifactParameters:
                - { Name: v1, Info: { LoadTemplateFromURL: 'https://catalog-templates.s3.amazonaws.com/product.yaml' } }
          Association:
            Type: AWS::ServiceCatalog::PortfolioProductAssociation
            Properties: { PortfolioId: !Ref Portfolio, ProductId: !Ref Product }
          Principal:
            Type: AWS::ServiceCatalog::PortfolioPrincipalAssociation
            Properties: { PortfolioId: !Ref Portfolio, PrincipalARN: !Sub 'arn:aws:iam::${AWS::AccountId}:root', PrincipalType: IAM }
          Launch:
            Type: AWS::ServiceCatalog::LaunchRoleConstraint
            DependsOn: Association
            Properties: { PortfolioId: !Ref Portfolio, ProductId: !Ref Product, RoleArn: !GetAtt LaunchRole.Arn }
          Types:
            Type: AWS::ServiceCatalog::LaunchTemplateConstraint
            DependsOn: Association
            Properties:
              PortfolioId: !Ref Portfolio
              ProductId: !Ref Product
              Rules: '{"Small":{"Assertions":[{"Assert":{"Fn::Contains":[["ml.t3.medium","ml.t3.large"],{"Ref":"InstanceType"}]},"AssertDescription":"Only ml.t3 instances"}]}}'
        Outputs:
          PortfolioId: { Value: !Ref Portfolio }
          ProductId: { Value: !Ref Product }
          ArtifactIds: { Value: !GetAtt Product.ProvisioningArtifactIds }
        """;

    [Fact]
    public async Task A_stack_publishes_a_portfolio_whose_constraints_govern_launches_and_deleting_it_unpublishes()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        using var s3 = SdkClients.S3(Server.Endpoint);
        await s3.PutBucketAsync("catalog-templates", TestContext.Current.CancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "catalog-templates", Key = "product.yaml", ContentBody = ProductTemplate }, TestContext.Current.CancellationToken);
        var cfn = new CfnClient(wire);

        await cfn.CreateStackAsync("catalog", CatalogTemplate);
        Assert.True(await cfn.StatusAsync("catalog") == "CREATE_COMPLETE", await cfn.FailuresAsync("catalog"));
        var outputs = await cfn.OutputsAsync("catalog");
        var launchRole = await cfn.PhysicalIdAsync("catalog", "LaunchRole");
        var constraints = await wire.ServiceCatalogAsync("ListConstraintsForPortfolio", new JsonObject { ["PortfolioId"] = outputs["PortfolioId"] });
        var refused = await Assert.ThrowsAsync<AwsWireException>(() => Provision(wire, outputs, "big", "ml.p3.2xlarge"));
        var launched = await Provision(wire, outputs, "small", "ml.t3.large");
        var record = await wire.ServiceCatalogAsync("DescribeRecord", new JsonObject { ["Id"] = launched["RecordDetail"]!["RecordId"]!.GetValue<string>() });
        await wire.ServiceCatalogAsync("TerminateProvisionedProduct", new JsonObject { ["ProvisionedProductName"] = "small", ["TerminateToken"] = Guid.NewGuid().ToString() });
        await cfn.DeleteStackAsync("catalog");
        var gone = await Assert.ThrowsAsync<AwsWireException>(() => wire.ServiceCatalogAsync("DescribePortfolio", new JsonObject { ["Id"] = outputs["PortfolioId"] }));

        Assert.Equal(["LAUNCH", "TEMPLATE"], constraints["ConstraintDetails"]!.AsArray().Select(c => c!["Type"]!.GetValue<string>()).Order());
        Assert.EndsWith("Only ml.t3 instances", refused.Message, StringComparison.Ordinal);
        Assert.Equal("SUCCEEDED", record["RecordDetail"]!["Status"]!.GetValue<string>());
        Assert.EndsWith(":role/" + launchRole, record["RecordDetail"]!["LaunchRoleArn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ResourceNotFoundException", gone.Code);
    }

    private static Task<JsonObject> Provision(AwsWireClient wire, IReadOnlyDictionary<string, string> outputs, string name, string instanceType) =>
        wire.ServiceCatalogAsync("ProvisionProduct", new JsonObject
        {
            ["ProductId"] = outputs["ProductId"],
            ["ProvisioningArtifactId"] = outputs["ArtifactIds"],
            ["ProvisionedProductName"] = name,
            ["ProvisioningParameters"] = new JsonArray(new JsonObject { ["Key"] = "InstanceType", ["Value"] = instanceType }),
            ["ProvisionToken"] = Guid.NewGuid().ToString(),
        });
}
