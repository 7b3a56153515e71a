using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

public class RuleEvaluatorTests
{
    private static readonly StackEnvironment Environment = new("123456789012", "eu-west-2");

    private static readonly Template Template = TemplateParser.Parse("""
        Parameters:
          ProjectName: { Type: String }
          EnvType: { Type: String, Default: dev }
          Subnets: { Type: "List<AWS::EC2::Subnet::Id>", Default: "subnet-a" }
        Rules:
          ProdNeedsTwoSubnets:
            RuleCondition: !Equals [!Ref EnvType, prod]
            Assertions:
              - Assert: !Not [!EachMemberEquals [!Ref Subnets, subnet-a]]
                AssertDescription: Production needs more than subnet-a
        Resources:
          B: { Type: AWS::S3::Bucket }
        """);

    private static IReadOnlyDictionary<string, ResolvedParameter> Parameters(params ParameterInput[] inputs) =>
        ParameterResolver.ResolveAsync(Template, inputs, null, null, TestContext.Current.CancellationToken).GetAwaiter().GetResult();

    [Fact]
    public void A_template_constraint_pinning_the_project_name_refuses_other_names_with_its_description()
    {
        var rules = RuleEvaluator.ParseConstraintRules("""
            {"Rules":{"PinProject":{"Assertions":[{"Assert":{"Fn::Contains":[["fraud-detection"],{"Ref":"ProjectName"}]},
              "AssertDescription":"Project name must be fraud-detection"}]}}}
            """);
        RuleEvaluator.Check(rules, Template, Parameters(new ParameterInput("ProjectName", "fraud-detection")), Environment);
        var error = Assert.Throws<CloudFormationException>(() =>
            RuleEvaluator.Check(rules, Template, Parameters(new ParameterInput("ProjectName", "other")), Environment));
        Assert.Equal("Project name must be fraud-detection", error.Message);
    }

    [Fact]
    public void RuleCondition_gates_the_assertions()
    {
        Assert.Empty(RuleEvaluator.Failures(Template.Rules, Template, Parameters(new ParameterInput("ProjectName", "p")), Environment));
        Assert.Equal(
            ["Production needs more than subnet-a"],
            RuleEvaluator.Failures(Template.Rules, Template, Parameters(new ParameterInput("ProjectName", "p"), new ParameterInput("EnvType", "prod")), Environment));
    }

    [Fact]
    public void EachMemberIn_and_RefAll_check_lists_against_lists()
    {
        var rules = RuleEvaluator.ParseConstraintRules("""
            Rules:
              Known:
                Assertions:
                  - Assert: !EachMemberIn [!RefAll "AWS::EC2::Subnet::Id", [subnet-a, subnet-b]]
                    AssertDescription: Unknown subnet
            """);
        Assert.Empty(RuleEvaluator.Failures(rules, Template, Parameters(new ParameterInput("ProjectName", "p"), new ParameterInput("Subnets", "subnet-b,subnet-a")), Environment));
        Assert.Equal(["Unknown subnet"], RuleEvaluator.Failures(rules, Template, Parameters(new ParameterInput("ProjectName", "p"), new ParameterInput("Subnets", "subnet-c")), Environment));
    }

    [Fact]
    public async Task ValueOf_reads_attributes_of_parameter_values_so_subnets_must_belong_to_the_chosen_vpc()
    {
        const string body = """
            Parameters:
              VpcId: { Type: "AWS::EC2::VPC::Id" }
              Subnets: { Type: "List<AWS::EC2::Subnet::Id>" }
            Rules:
              SubnetsInVpc:
                Assertions:
                  - Assert: !EachMemberEquals [!ValueOf [Subnets, VpcId], !Ref VpcId]
                    AssertDescription: All subnets must be in the VPC
                  - Assert: !EachMemberIn [!ValueOfAll ["AWS::EC2::Subnet::Id", AvailabilityZone], [eu-west-2a, eu-west-2b]]
                    AssertDescription: Subnets must be in zones a or b
            Resources:
              B: { Type: AWS::S3::Bucket }
            """;
        var ec2 = new FakeEc2Ids("vpc-1", "vpc-2", "subnet-a", "subnet-b", "subnet-c");
        ec2.Attributes["subnet-a"] = new() { ["VpcId"] = "vpc-1", ["AvailabilityZone"] = "eu-west-2a" };
        ec2.Attributes["subnet-b"] = new() { ["VpcId"] = "vpc-1", ["AvailabilityZone"] = "eu-west-2b" };
        ec2.Attributes["subnet-c"] = new() { ["VpcId"] = "vpc-2", ["AvailabilityZone"] = "eu-west-2c" };
        var orchestrator = new StackOrchestrator(Environment, new InMemoryResourceProvisioner(), TimeProvider.System, awsParameterValues: ec2);

        var good = await orchestrator.CreateStackAsync(new CreateStackRequest("good")
        {
            TemplateBody = body,
            Parameters = [new ParameterInput("VpcId", "vpc-1"), new ParameterInput("Subnets", "subnet-a,subnet-b")],
        }, TestContext.Current.CancellationToken);
        Assert.Equal(StackStatus.CreateComplete, good.Status);

        var bad = await Assert.ThrowsAsync<CloudFormationException>(() => orchestrator.CreateStackAsync(new CreateStackRequest("bad")
        {
            TemplateBody = body,
            Parameters = [new ParameterInput("VpcId", "vpc-1"), new ParameterInput("Subnets", "subnet-a,subnet-c")],
        }, TestContext.Current.CancellationToken));
        Assert.Equal("All subnets must be in the VPC", bad.Message);
    }
}
