using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

public class IntrinsicFunctionTests
{
    private const string StackId = "arn:aws:cloudformation:eu-west-2:123456789012:stack/my-stack/11111111-2222-3333-4444-555555555555";

    private static readonly StackEnvironment Environment = new("123456789012", "eu-west-2");

    private static JsonNode? Evaluate(string value)
    {
        var body = $$"""
            Parameters:
              Env: { Type: String, Default: prod }
              Subnets: { Type: CommaDelimitedList, Default: "subnet-a,subnet-b" }
              Count: { Type: Number, Default: 3 }
            Mappings:
              RegionMap:
                eu-west-2: { Ami: ami-123 }
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              NotProd: !Not [!Condition IsProd]
              Both: !And [!Condition IsProd, !Equals [a, a]]
              Either: !Or [!Condition NotProd, !Equals [a, b]]
            Resources:
              Bucket: { Type: "AWS::S3::Bucket" }
            Outputs:
              Out:
                Value: {{value}}
            """;
        var template = TemplateParser.Parse(body);
        var parameters = ParameterResolver.ResolveAsync(template, [], null, null, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        var evaluator = new TemplateEvaluator(new EvaluationScope(template, parameters, Environment, "my-stack", StackId)
        {
            Resources = id => id == "Bucket"
                ? new ResourceState("AWS::S3::Bucket", "my-bucket", new Dictionary<string, JsonNode?> { ["Arn"] = "arn:aws:s3:::my-bucket" })
                : null,
            Exports = name => name == "shared-vpc" ? "vpc-0abc" : null,
            NotificationArns = ["arn:aws:sns:eu-west-2:123456789012:topic"],
        });
        return evaluator.Evaluate(template.Outputs[0].Value);
    }

    private static string? Text(string value) => TemplateValues.AsString(Evaluate(value));

    [Fact]
    public void Ref_returns_parameter_values_and_resource_physical_ids()
    {
        Assert.Equal("prod", Text("!Ref Env"));
        Assert.Equal("my-bucket", Text("!Ref Bucket"));
        Assert.Equal(["subnet-a", "subnet-b"], TemplateValues.AsStringList(Evaluate("!Ref Subnets")));
    }

    [Theory]
    [InlineData("AWS::AccountId", "123456789012")]
    [InlineData("AWS::Region", "eu-west-2")]
    [InlineData("AWS::StackName", "my-stack")]
    [InlineData("AWS::StackId", StackId)]
    [InlineData("AWS::Partition", "aws")]
    [InlineData("AWS::URLSuffix", "amazonaws.com")]
    public void Pseudo_parameters_resolve_from_the_stack_environment(string name, string expected) =>
        Assert.Equal(expected, Text($"!Ref {name}"));

    [Fact]
    public void NotificationARNs_is_a_list() =>
        Assert.Equal(["arn:aws:sns:eu-west-2:123456789012:topic"], TemplateValues.AsStringList(Evaluate("!Ref AWS::NotificationARNs")));

    [Fact]
    public void GetAtt_reads_attributes_in_short_dotted_and_long_list_forms()
    {
        Assert.Equal("arn:aws:s3:::my-bucket", Text("!GetAtt Bucket.Arn"));
        Assert.Equal("arn:aws:s3:::my-bucket", Text("{ 'Fn::GetAtt': [Bucket, Arn] }"));
    }

    [Fact]
    public void GetAtt_of_an_undocumented_attribute_is_a_template_error()
    {
        var error = Assert.Throws<CloudFormationException>(() => Evaluate("!GetAtt Bucket.Colour"));
        Assert.Equal("Template error: resource Bucket does not support attribute type Colour in Fn::GetAtt", error.Message);
    }

    [Fact]
    public void Sub_replaces_parameters_pseudo_parameters_resources_and_attributes()
    {
        Assert.Equal("prod-eu-west-2-my-bucket-arn:aws:s3:::my-bucket", Text("!Sub '${Env}-${AWS::Region}-${Bucket}-${Bucket.Arn}'"));
    }

    [Fact]
    public void Sub_with_a_variable_map_prefers_the_map_and_keeps_bang_literals()
    {
        Assert.Equal("x=42 ${Literal} prod", Text("!Sub ['x=${X} ${!Literal} ${Env}', { X: 42 }]"));
    }

    [Fact]
    public void Join_Select_and_Split_compose()
    {
        Assert.Equal("subnet-a|subnet-b", Text("!Join ['|', !Ref Subnets]"));
        Assert.Equal("subnet-b", Text("!Select [1, !Ref Subnets]"));
        Assert.Equal("c", Text("!Select [2, !Split [',', 'a,b,c']]"));
    }

    [Fact]
    public void Select_out_of_range_is_refused()
    {
        var error = Assert.Throws<CloudFormationException>(() => Evaluate("!Select [5, !Ref Subnets]"));
        Assert.Contains("Fn::Select cannot select nonexistent value at index 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void If_picks_a_branch_by_condition_and_NoValue_removes_the_property()
    {
        Assert.Equal("big", Text("!If [IsProd, big, small]"));
        Assert.Equal("small", Text("!If [NotProd, big, small]"));
        var node = Evaluate("{ Keep: 1, Drop: !If [NotProd, x, !Ref 'AWS::NoValue'] }") as JsonObject;
        Assert.NotNull(node);
        Assert.True(node.ContainsKey("Keep"));
        Assert.False(node.ContainsKey("Drop"));
    }

    [Fact]
    public void Equals_And_Or_Not_evaluate_to_booleans()
    {
        Assert.Equal("true", Text("!Equals [!Ref Count, 3]"));
        Assert.Equal("true", Text("!If [Both, 'true', 'false']"));
        Assert.Equal("false", Text("!If [Either, 'true', 'false']"));
        Assert.Equal("false", Text("!Not [!Equals [a, a]]"));
    }

    [Fact]
    public void FindInMap_reads_a_mapping_and_fails_clearly_for_missing_keys()
    {
        Assert.Equal("ami-123", Text("!FindInMap [RegionMap, !Ref 'AWS::Region', Ami]"));
        var error = Assert.Throws<CloudFormationException>(() => Evaluate("!FindInMap [RegionMap, us-east-1, Ami]"));
        Assert.Contains("Unable to get mapping for RegionMap::us-east-1::Ami", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetAZs_lists_zones_of_the_region() =>
        Assert.Equal(["eu-west-2a", "eu-west-2b", "eu-west-2c"], TemplateValues.AsStringList(Evaluate("!GetAZs ''")));

    [Fact]
    public void ImportValue_reads_exports_and_refuses_unknown_names()
    {
        Assert.Equal("vpc-0abc", Text("!ImportValue shared-vpc"));
        var error = Assert.Throws<CloudFormationException>(() => Evaluate("!ImportValue nothing"));
        Assert.Equal("No export named nothing found.", error.Message);
    }

    [Fact]
    public void Base64_encodes_utf8() => Assert.Equal("aGVsbG8=", Text("!Base64 hello"));

    [Fact]
    public void Cidr_carves_subnets_of_the_requested_size()
    {
        Assert.Equal(["10.2.0.0/24", "10.2.1.0/24", "10.2.2.0/24"], TemplateValues.AsStringList(Evaluate("!Cidr ['10.2.0.0/16', 3, 8]")));
        Assert.Equal(["2001:db8::/64", "2001:db8:0:1::/64"], TemplateValues.AsStringList(Evaluate("!Cidr ['2001:db8::/56', 2, 64]")));
    }

    [Fact]
    public void Cidr_refuses_more_subnets_than_fit() =>
        Assert.Throws<CloudFormationException>(() => Evaluate("!Cidr ['10.0.0.0/24', 4, 7]"));

    [Fact]
    public void Length_counts_list_items() => Assert.Equal("2", Text("!Length [a, b]"));

    [Fact]
    public void Unknown_functions_are_refused()
    {
        var error = Assert.Throws<CloudFormationException>(() => Evaluate("!Frobnicate x"));
        Assert.Equal("Template format error: Unrecognized function Fn::Frobnicate", error.Message);
    }
}
