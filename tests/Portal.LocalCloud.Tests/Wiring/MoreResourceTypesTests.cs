using System.Text.Json.Nodes;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>Stacks whose TagOption, TagOptionAssociation, InstanceProfile and CodeRepository resources become service state and go with the stack.</summary>
public sealed class MoreResourceTypesTests : LocalCloudTest
{
    private const string TagOptionTemplate = """
        Resources:
          Portfolio:
            Type: AWS::ServiceCatalog::Portfolio
            Properties: { DisplayName: Data science, ProviderName: Platform team }
          CostCentre:
            Type: AWS::ServiceCatalog::TagOption
            Properties: { Key: cost-centre, Value: research }
          Association:
            Type: AWS::ServiceCatalog::TagOptionAssociation
            Properties: { ResourceId: !Ref Portfolio, TagOptionId: !Ref CostCentre }
        Outputs:
          PortfolioId: { Value: !Ref Portfolio }
          TagOptionId: { Value: !GetAtt CostCentre.Id }
        """;

    private const string InstanceProfileTemplate = """
        Resources:
          NotebookRole:
            Type: AWS::IAM::Role
            Properties:
              RoleName: notebook-role
              AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] }
          Profile:
            Type: AWS::IAM::InstanceProfile
            Properties: { InstanceProfileName: notebook-profile, Path: /research/, Roles: [!Ref NotebookRole] }
        Outputs:
          ProfileName: { Value: !Ref Profile }
          ProfileArn: { Value: !GetAtt Profile.Arn }
        """;

    private const string CodeRepositoryTemplate = """
        Parameters:
          NotebookRepository: { Type: String, Default: '' }
        Conditions:
          RepositoryGiven: !Not [!Equals [!Ref NotebookRepository, '']]
        Resources:
          NotebookRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: sagemaker.amazonaws.com }, Action: sts:AssumeRole }] }
          Repository:
            Type: AWS::SageMaker::CodeRepository
            Properties:
              CodeRepositoryName: analysis-code
              GitConfig: { RepositoryUrl: 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/analysis', Branch: main }
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: ml.t3.medium
              RoleArn: !GetAtt NotebookRole.Arn
              DefaultCodeRepository: !If [RepositoryGiven, !Ref NotebookRepository, !GetAtt Repository.CodeRepositoryName]
        Outputs:
          RepositoryArn: { Value: !Ref Repository }
          NotebookArn: { Value: !Ref Notebook }
        """;

    private const string Combined = """
        Resources:
          Portfolio:
            Type: AWS::ServiceCatalog::Portfolio
            Properties: { DisplayName: Persisted, ProviderName: Platform team }
          CostCentre:
            Type: AWS::ServiceCatalog::TagOption
            Properties: { Key: cost-centre, Value: research }
          Association:
            Type: AWS::ServiceCatalog::TagOptionAssociation
            Properties: { ResourceId: !Ref Portfolio, TagOptionId: !Ref CostCentre }
          Role:
            Type: AWS::IAM::Role
            Properties:
              RoleName: persisted-role
              AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] }
          Profile:
            Type: AWS::IAM::InstanceProfile
            Properties: { InstanceProfileName: persisted-profile, Roles: [!Ref Role] }
          Repository:
            Type: AWS::SageMaker::CodeRepository
            Properties: { CodeRepositoryName: persisted-code, GitConfig: { RepositoryUrl: 'https://example.com/team/analysis.git' } }
        """;

    [Fact]
    public async Task A_stack_tag_option_and_its_association_are_service_catalog_state_until_the_stack_is_deleted()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);

        var id = await cfn.CreateStackAsync("tag-options", TagOptionTemplate);
        var outputs = await cfn.OutputsAsync(id);
        var described = await wire.ServiceCatalogAsync("DescribeTagOption", new JsonObject { ["Id"] = outputs["TagOptionId"] });
        var listed = await wire.ServiceCatalogAsync("ListTagOptions", new JsonObject { ["Filters"] = new JsonObject { ["Key"] = "cost-centre" } });
        var portfolio = await wire.ServiceCatalogAsync("DescribePortfolio", new JsonObject { ["Id"] = outputs["PortfolioId"] });
        await cfn.DeleteStackAsync(id);
        var gone = await Assert.ThrowsAsync<AwsWireException>(() => wire.ServiceCatalogAsync("DescribeTagOption", new JsonObject { ["Id"] = outputs["TagOptionId"] }));
        var afterDelete = await wire.ServiceCatalogAsync("ListTagOptions");

        Assert.StartsWith("tag-", outputs["TagOptionId"], StringComparison.Ordinal);
        Assert.Equal("research", described["TagOptionDetail"]!["Value"]!.GetValue<string>());
        Assert.True(described["TagOptionDetail"]!["Active"]!.GetValue<bool>());
        Assert.Equal(outputs["TagOptionId"], listed["TagOptionDetails"]!.AsArray().Single()!["Id"]!.GetValue<string>());
        Assert.Equal(outputs["TagOptionId"], portfolio["TagOptions"]!.AsArray().Single()!["Id"]!.GetValue<string>());
        Assert.Equal("DELETE_COMPLETE", await cfn.StatusAsync(id));
        Assert.Equal("ResourceNotFoundException", gone.Code);
        Assert.Empty(afterDelete["TagOptionDetails"]!.AsArray());
    }

    [Fact]
    public async Task A_stack_instance_profile_holds_its_role_in_iam_until_the_stack_is_deleted()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);

        var id = await cfn.CreateStackAsync("profiles", InstanceProfileTemplate);
        var outputs = await cfn.OutputsAsync(id);
        var profile = CfnClient.Element(await wire.QueryAsync("iam", "2010-05-08", "GetInstanceProfile", new Dictionary<string, string> { ["InstanceProfileName"] = "notebook-profile" }), "InstanceProfile");
        var listed = await wire.QueryAsync("iam", "2010-05-08", "ListInstanceProfiles", new Dictionary<string, string> { ["PathPrefix"] = "/research/" });
        var forRole = await wire.QueryAsync("iam", "2010-05-08", "ListInstanceProfilesForRole", new Dictionary<string, string> { ["RoleName"] = "notebook-role" });
        await cfn.DeleteStackAsync(id);
        var gone = await Assert.ThrowsAsync<AwsWireException>(() => wire.QueryAsync("iam", "2010-05-08", "GetInstanceProfile", new Dictionary<string, string> { ["InstanceProfileName"] = "notebook-profile" }));

        Assert.Equal("notebook-profile", outputs["ProfileName"]);
        Assert.Equal("arn:aws:iam::000000000000:instance-profile/research/notebook-profile", outputs["ProfileArn"]);
        Assert.Equal(outputs["ProfileArn"], CfnClient.Value(profile, "Arn"));
        Assert.StartsWith("AIPA", CfnClient.Value(profile, "InstanceProfileId"), StringComparison.Ordinal);
        Assert.Equal("notebook-role", CfnClient.Value(CfnClient.Members(CfnClient.Element(profile, "Roles")).Single(), "RoleName"));
        Assert.Equal("notebook-profile", CfnClient.Value(CfnClient.Members(CfnClient.Element(listed, "InstanceProfiles")).Single(), "InstanceProfileName"));
        Assert.Equal("notebook-profile", CfnClient.Value(CfnClient.Members(CfnClient.Element(forRole, "InstanceProfiles")).Single(), "InstanceProfileName"));
        Assert.Equal("DELETE_COMPLETE", await cfn.StatusAsync(id));
        Assert.Equal("NoSuchEntity", gone.Code);
    }

    [Fact]
    public async Task A_stack_code_repository_is_sagemaker_state_a_notebook_may_name_until_the_stack_is_deleted()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);

        var id = await cfn.CreateStackAsync("code", CodeRepositoryTemplate);
        var outputs = await cfn.OutputsAsync(id);
        var described = await wire.SageMakerAsync("DescribeCodeRepository", new JsonObject { ["CodeRepositoryName"] = "analysis-code" });
        var listed = await wire.SageMakerAsync("ListCodeRepositories", new JsonObject { ["NameContains"] = "analysis" });
        var notebook = await wire.SageMakerAsync("DescribeNotebookInstance", new JsonObject { ["NotebookInstanceName"] = outputs["NotebookArn"].Split('/')[^1] });
        await cfn.DeleteStackAsync(id);
        var gone = await Assert.ThrowsAsync<AwsWireException>(() => wire.SageMakerAsync("DescribeCodeRepository", new JsonObject { ["CodeRepositoryName"] = "analysis-code" }));

        Assert.Equal("arn:aws:sagemaker:eu-west-1:000000000000:code-repository/analysis-code", outputs["RepositoryArn"]);
        Assert.Equal(outputs["RepositoryArn"], described["CodeRepositoryArn"]!.GetValue<string>());
        Assert.Equal("main", described["GitConfig"]!["Branch"]!.GetValue<string>());
        Assert.Equal("analysis-code", listed["CodeRepositorySummaryList"]!.AsArray().Single()!["CodeRepositoryName"]!.GetValue<string>());
        Assert.Equal("analysis-code", notebook["DefaultCodeRepository"]!.GetValue<string>());
        Assert.Equal("DELETE_COMPLETE", await cfn.StatusAsync(id));
        Assert.Equal("ValidationException", gone.Code);
    }

    [Fact]
    public async Task A_notebook_naming_a_missing_code_repository_fails_while_a_git_url_is_accepted()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);

        var missing = await cfn.CreateStackAsync("missing-repo", CodeRepositoryTemplate, new Dictionary<string, string> { ["NotebookRepository"] = "no-such-repo" });
        var url = await cfn.CreateStackAsync("url-repo", CodeRepositoryTemplate.Replace("analysis-code", "other-code", StringComparison.Ordinal), new Dictionary<string, string> { ["NotebookRepository"] = "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/analysis" });

        Assert.Equal("ROLLBACK_COMPLETE", await cfn.StatusAsync(missing));
        Assert.Contains("Code repository no-such-repo does not exist", await cfn.FailuresAsync(missing), StringComparison.Ordinal);
        Assert.Equal("CREATE_COMPLETE", await cfn.StatusAsync(url));
    }

    [Fact]
    public async Task Tag_options_instance_profiles_and_code_repositories_from_a_stack_survive_a_restart_and_go_with_the_stack()
    {
        using var data = new DataDirectory("lc-restypes-");
        var settings = data.Settings;
        string stackId;
        await using (var first = await LocalCloudServer.StartAsync(settings))
        {
            using var wire = new AwsWireClient(first.Endpoint);
            stackId = await new CfnClient(wire).CreateStackAsync("persisted-types", Combined);
            await wire.SageMakerAsync("CreateCodeRepository", new JsonObject
            {
                ["CodeRepositoryName"] = "api-code",
                ["GitConfig"] = new JsonObject { ["RepositoryUrl"] = "https://example.com/team/api.git" },
            });
        }

        await using var second = await LocalCloudServer.StartAsync(settings);
        using var again = new AwsWireClient(second.Endpoint);
        var cfn = new CfnClient(again);
        var tagOptionId = await cfn.PhysicalIdAsync("persisted-types", "CostCentre");
        var tagOption = await again.ServiceCatalogAsync("DescribeTagOption", new JsonObject { ["Id"] = tagOptionId });
        var profile = await again.QueryAsync("iam", "2010-05-08", "GetInstanceProfile", new Dictionary<string, string> { ["InstanceProfileName"] = "persisted-profile" });
        var repositories = await again.SageMakerAsync("ListCodeRepositories");
        await cfn.DeleteStackAsync("persisted-types");
        var profilesAfter = await again.QueryAsync("iam", "2010-05-08", "ListInstanceProfiles");
        var repositoriesAfter = await again.SageMakerAsync("ListCodeRepositories");
        var tagOptionsAfter = await again.ServiceCatalogAsync("ListTagOptions");

        Assert.Equal("research", tagOption["TagOptionDetail"]!["Value"]!.GetValue<string>());
        Assert.Equal("persisted-role", CfnClient.Value(CfnClient.Members(CfnClient.Element(CfnClient.Element(profile, "InstanceProfile"), "Roles")).Single(), "RoleName"));
        Assert.Equal(["api-code", "persisted-code"], repositories["CodeRepositorySummaryList"]!.AsArray().Select(r => r!["CodeRepositoryName"]!.GetValue<string>()));
        Assert.Equal("DELETE_COMPLETE", await cfn.StatusAsync(stackId));
        Assert.Empty(CfnClient.Members(CfnClient.Element(profilesAfter, "InstanceProfiles")));
        Assert.Equal("api-code", repositoriesAfter["CodeRepositorySummaryList"]!.AsArray().Single()!["CodeRepositoryName"]!.GetValue<string>());
        Assert.Empty(tagOptionsAfter["TagOptionDetails"]!.AsArray());
    }

    [Fact]
    public async Task The_service_apis_refuse_what_aws_refuses_for_profiles_tag_options_and_code_repositories()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);
        var id = await cfn.CreateStackAsync("rules", InstanceProfileTemplate);
        var tagOptions = await cfn.CreateStackAsync("rule-tags", TagOptionTemplate);
        var tagOptionId = (await cfn.OutputsAsync(tagOptions))["TagOptionId"];
        await wire.QueryAsync("iam", "2010-05-08", "CreateRole", new Dictionary<string, string>
        {
            ["RoleName"] = "second-role",
            ["AssumeRolePolicyDocument"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
        });

        var secondRole = await Assert.ThrowsAsync<AwsWireException>(() => wire.QueryAsync("iam", "2010-05-08", "AddRoleToInstanceProfile", new Dictionary<string, string> { ["InstanceProfileName"] = "notebook-profile", ["RoleName"] = "second-role" }));
        var roleInProfile = await Assert.ThrowsAsync<AwsWireException>(() => wire.QueryAsync("iam", "2010-05-08", "DeleteRole", new Dictionary<string, string> { ["RoleName"] = "notebook-role" }));
        var associated = await Assert.ThrowsAsync<AwsWireException>(() => wire.ServiceCatalogAsync("DeleteTagOption", new JsonObject { ["Id"] = tagOptionId }));
        var badUrl = await Assert.ThrowsAsync<AwsWireException>(() => wire.SageMakerAsync("CreateCodeRepository", new JsonObject
        {
            ["CodeRepositoryName"] = "ssh-code",
            ["GitConfig"] = new JsonObject { ["RepositoryUrl"] = "ssh://git@example.com/team/code.git" },
        }));
        var missingRepository = await Assert.ThrowsAsync<AwsWireException>(() => wire.SageMakerAsync("CreateNotebookInstance", new JsonObject
        {
            ["NotebookInstanceName"] = "needs-repo",
            ["InstanceType"] = "ml.t3.medium",
            ["RoleArn"] = "arn:aws:iam::000000000000:role/notebook-role",
            ["DefaultCodeRepository"] = "no-such-repo",
        }));
        var notebooks = await wire.SageMakerAsync("ListNotebookInstances");

        Assert.Equal("LimitExceeded", secondRole.Code);
        Assert.Equal("DeleteConflict", roleInProfile.Code);
        Assert.Equal("ResourceInUseException", associated.Code);
        Assert.Equal("ValidationException", badUrl.Code);
        Assert.Equal("ValidationException", missingRepository.Code);
        Assert.Empty(notebooks["NotebookInstances"]!.AsArray());
        Assert.Equal("CREATE_COMPLETE", await cfn.StatusAsync(id));
    }
}
