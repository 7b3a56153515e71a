using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

public class TemplateParserTests
{
    [Fact]
    public void Yaml_short_form_tags_expand_to_the_long_form()
    {
        var template = TemplateParser.Parse("""
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub '${AWS::StackName}-data'
                  Tags:
                    - Key: arn
                      Value: !GetAtt Other.Arn
                    - Key: zone
                      Value: !Select [0, !GetAZs '']
              Other: { Type: AWS::S3::Bucket }
            """);
        var properties = template.Resources[0].Properties;
        Assert.Equal("""{"Fn::Sub":"${AWS::StackName}-data"}""", TemplateValues.ToJson(properties["BucketName"]));
        Assert.Equal("""{"Fn::GetAtt":["Other","Arn"]}""", TemplateValues.ToJson(properties["Tags"]![0]!["Value"]));
        Assert.Equal("""{"Fn::Select":[0,{"Fn::GetAZs":""}]}""", TemplateValues.ToJson(properties["Tags"]![1]!["Value"]));
    }

    [Fact]
    public void Json_and_yaml_give_the_same_tree()
    {
        var json = TemplateParser.Parse("""{"Resources":{"Q":{"Type":"AWS::SSM::Parameter","Properties":{"Type":"String","Value":{"Ref":"AWS::Region"}}}}}""");
        var yaml = TemplateParser.Parse("Resources:\n  Q:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Type: String\n      Value: !Ref AWS::Region\n");
        Assert.True(TemplateValues.DeepEquals(json.Root, yaml.Root));
    }

    [Theory]
    [InlineData("Description: nothing\n", "Template format error: At least one Resources member must be defined.")]
    [InlineData("Resources:\n  A:\n    Properties: {}\n", "Template format error: [/Resources/A] Every Resources object must contain a Type member.")]
    [InlineData("Resources:\n  A: { Type: AWS::S3::Bucket }\nColours: {}\n", "Template format error: Unrecognized section(s): [Colours]")]
    [InlineData("{\"Resources\": ", "Template format error: JSON not well-formed. (line 1, column 15)")]
    public void Malformed_templates_are_refused_with_AWS_text(string body, string message)
    {
        var error = Assert.Throws<CloudFormationException>(() => TemplateParser.Parse(body));
        Assert.Equal(CloudFormationException.ValidationError, error.ErrorCode);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Bad_yaml_is_refused_as_not_well_formed()
    {
        var error = Assert.Throws<CloudFormationException>(() => TemplateParser.Parse("Resources:\n  A: [unclosed\n"));
        Assert.StartsWith("Template format error: YAML not well-formed.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_yaml_scalars_stay_strings_and_plain_numbers_become_numbers()
    {
        var template = TemplateParser.Parse("Resources:\n  A:\n    Type: X::Y::Z\n    Properties: { Quoted: '10', Plain: 10, Flag: true, Date: 2012-10-17 }\n");
        var properties = template.Resources[0].Properties;
        Assert.Equal(System.Text.Json.JsonValueKind.String, properties["Quoted"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, properties["Plain"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.True, properties["Flag"]!.GetValueKind());
        Assert.Equal("2012-10-17", TemplateValues.AsString(properties["Date"]));
        Assert.IsType<JsonObject>(properties);
    }

    [Fact]
    public void Alias_bombs_are_refused_instead_of_expanded()
    {
        var body = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        body.Append("Resources:\n  B: { Type: AWS::S3::Bucket, Metadata: *a8 }\n");
        var error = Assert.Throws<CloudFormationException>(() => TemplateParser.Parse(body.ToString()));
        Assert.Contains("too many nodes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_flow_mapping_template_is_not_mistaken_for_json()
    {
        var template = TemplateParser.Parse("{Resources: {B: {Type: AWS::S3::Bucket, Properties: {BucketName: !Ref AWS::StackName}}}}");
        Assert.Equal("""{"Ref":"AWS::StackName"}""", TemplateValues.ToJson(template.Resources[0].Properties["BucketName"]));
    }
}
