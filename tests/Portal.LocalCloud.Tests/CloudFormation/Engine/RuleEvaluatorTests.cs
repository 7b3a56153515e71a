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
}
