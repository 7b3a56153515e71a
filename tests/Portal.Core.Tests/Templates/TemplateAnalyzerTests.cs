using Portal.Core.Templates;

namespace Portal.Core.Tests.Templates;

public class TemplateAnalyzerTests
{
    private const string Notebook = """
        AWSTemplateFormatVersion: "2010-09-09"
        Description: Notebook
        Metadata:
          AWS::CloudFormation::Interface:
            ParameterGroups:
              - Label: { default: Notebook }
                Parameters: [InstanceType, InternetAccess]
            ParameterLabels:
              InstanceType: { default: Instance type }
        Parameters:
          InstanceType:
            Type: String
            Default: ml.t3.medium
            AllowedValues: [ml.t3.medium, ml.m5.xlarge]
            Description: The notebook size
          InternetAccess:
            Type: String
            Default: Disabled
            AllowedValues: [Enabled, Disabled]
          Secret:
            Type: String
            NoEcho: true
            MinLength: 8
        Conditions:
          IsBig: !Equals [!Ref InstanceType, ml.m5.xlarge]
        Mappings:
          Sizes:
            small: { gb: 5 }
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              EnableKeyRotation: true
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            DependsOn: Key
            Properties:
              InstanceType: !Ref InstanceType
              KmsKeyId: !GetAtt Key.Arn
              DirectInternetAccess: !Ref InternetAccess
              VolumeSizeInGB: !FindInMap [Sizes, small, gb]
              RoleArn: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x"
              Tags:
                - Key: big
                  Value: !If [IsBig, "yes", !Ref AWS::NoValue]
        Outputs:
          NotebookName:
            Value: !GetAtt Notebook.NotebookInstanceName
            Export:
              Name: !Sub "${AWS::StackName}-notebook"
        """;

    [Fact]
    public void A_valid_yaml_template_is_modelled_with_parameters_groups_resources_and_outputs()
    {
        var analysis = TestTemplates.Analyze(Notebook, "notebook.yaml");

        Assert.Empty(analysis.Errors);
        var template = analysis.Template!;
        Assert.Equal(["InstanceType", "InternetAccess", "Secret"], template.Parameters.Select(p => p.Name));
        Assert.Equal(["ml.t3.medium", "ml.m5.xlarge"], template.FindParameter("InstanceType")!.AllowedValues);
        Assert.True(template.FindParameter("Secret")!.NoEcho);
        Assert.Equal(8, template.FindParameter("Secret")!.MinLength);
        Assert.Equal("Notebook", Assert.Single(template.ParameterGroups).Label);
        Assert.Equal("Instance type", template.ParameterLabels["InstanceType"]);
        var notebook = template.FindResource("Notebook")!;
        Assert.Equal("AWS::SageMaker::NotebookInstance", notebook.Type);
        Assert.Equal(["Key"], notebook.DependsOn);
        var kms = Assert.IsType<TemplateIntrinsic>(notebook.Properties["KmsKeyId"]);
        Assert.Equal("Fn::GetAtt", kms.Function);
        Assert.Equal(["Key", "Arn"], kms.Arguments.Cast<TemplateScalar>().Select(s => s.Value));
        Assert.Equal(new SourcePosition(39, 17), kms.Position);
        Assert.NotNull(Assert.Single(template.Outputs).ExportName);
        Assert.Equal(64, template.Fingerprint.Length);
    }

    [Fact]
    public void The_same_content_in_json_and_yaml_has_the_same_fingerprint()
    {
        const string yaml = """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${AWS::StackName}-data"
                  Tags: [{ Key: a, Value: !GetAtt Other.Arn }]
              Other: { Type: "AWS::SNS::Topic" }
            """;
        const string json = """
            {
            	"Resources": {
            		"Other": {"Type":"AWS::SNS::Topic"},
            		"Bucket": {
            			"Properties": {
            				"Tags": [ { "Value": { "Fn::GetAtt": ["Other", "Arn"] }, "Key": "a" } ],
            				"BucketName": { "Fn::Sub": "${AWS::StackName}-data" }
            			},
            			"Type": "AWS::S3::Bucket"
            		}
            	}
            }
            """;

        var fromYaml = TestTemplates.Analyze(yaml);
        var fromJson = TestTemplates.Analyze(json);

        Assert.Empty(fromYaml.Errors);
        Assert.Empty(fromJson.Errors);
        Assert.Equal(fromYaml.Template!.Fingerprint, fromJson.Template!.Fingerprint);
        Assert.NotEqual(fromYaml.Template.Fingerprint, TestTemplates.Analyze(yaml.Replace("-data", "-logs", StringComparison.Ordinal)).Template!.Fingerprint);
    }

    [Theory]
    [InlineData("Resources:\n  Bucket:\n    Type: [AWS::S3::Bucket\n  Other: x\n", 3, 11)]
    [InlineData("Resources:\n  B:\n    Type: AWS::S3::Bucket\n   Properties: {}\n", 4, 4)]
    [InlineData("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: \"unterminated\n", 5, 19)]
    public void Malformed_yaml_is_reported_at_its_line_and_column(string text, int line, int column)
    {
        var analysis = TestTemplates.Analyze(text);

        var error = Assert.Single(analysis.Errors);
        Assert.Equal(TemplateErrorCodes.Syntax, error.Code);
        Assert.Null(analysis.Template);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.DoesNotContain("current state of the object", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!!$*![@licy:\n  Type: AWS::IAM::ManagedPolicy\n")]
    [InlineData("Resources:\n  A: [\n")]
    [InlineData("Resources:\n\t- tab\n")]
    public void Input_the_yaml_library_rejects_with_other_exceptions_becomes_a_syntax_error(string text)
    {
        var analysis = TestTemplates.Analyze(text);

        Assert.Equal(TemplateErrorCodes.Syntax, Assert.Single(analysis.Errors).Code);
        Assert.True(analysis.Errors[0].Line >= 1);
    }

    [Fact]
    public void Malformed_json_is_reported_at_its_line()
    {
        var analysis = TestTemplates.Analyze("{\n  \"Resources\": {\n    \"B\": { \"Type\": \"AWS::S3::Bucket\" \n  }\n");

        var error = Assert.Single(analysis.Errors);
        Assert.Equal(TemplateErrorCodes.Syntax, error.Code);
        Assert.Equal((5, 1), (error.Line, error.Column));
        Assert.Contains("did not find expected ',' or '}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_the_second_occurrence()
    {
        var analysis = TestTemplates.Analyze("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Bucket:\n    Type: AWS::SNS::Topic\n");

        var error = Assert.Single(analysis.Errors);
        Assert.Equal(TemplateErrorCodes.DuplicateKey, error.Code);
        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.Contains("first at line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_in_json_is_reported()
    {
        var analysis = TestTemplates.Analyze("{\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\"},\n \"A\": {\"Type\": \"AWS::SNS::Topic\"}}}");

        Assert.Equal((TemplateErrorCodes.DuplicateKey, 2), (Assert.Single(analysis.Errors).Code, analysis.Errors[0].Line));
    }

    [Theory]
    [InlineData("!Reff Bucket", TemplateErrorCodes.UnknownTag)]
    [InlineData("{ \"Fn::Concat\": [a, b] }", TemplateErrorCodes.UnknownFunction)]
    [InlineData("!GetAtt Bucket", TemplateErrorCodes.MalformedFunction)]
    [InlineData("!Join [\",\"]", TemplateErrorCodes.MalformedFunction)]
    [InlineData("!If [Missing, a, b]", TemplateErrorCodes.UndefinedReference)]
    [InlineData("!Ref Nowhere", TemplateErrorCodes.UndefinedReference)]
    [InlineData("!GetAtt Nowhere.Arn", TemplateErrorCodes.UndefinedReference)]
    [InlineData("!Sub \"${Nowhere}-x\"", TemplateErrorCodes.UndefinedReference)]
    [InlineData("!FindInMap [NoMap, a, b]", TemplateErrorCodes.UndefinedReference)]
    [InlineData("{ Ref: Topic, Extra: 1 }", TemplateErrorCodes.MalformedFunction)]
    [InlineData("!Select [0]", TemplateErrorCodes.MalformedFunction)]
    [InlineData("{ \"Fn::ForEach::Names\": [N, [a], {}] }", TemplateErrorCodes.UnknownFunction)]
    public void Bad_intrinsics_are_reported_at_the_property(string value, string code)
    {
        var analysis = TestTemplates.Analyze($"Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: {value}\n");

        var error = Assert.Single(analysis.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(7, error.Line);
        Assert.True(error.Column >= 19, error.ToString());
    }

    [Fact]
    public void A_ref_to_a_resource_inside_conditions_is_an_error()
    {
        var analysis = TestTemplates.Analyze("Conditions:\n  C: !Equals [!Ref Topic, x]\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n");

        Assert.Equal(TemplateErrorCodes.UndefinedReference, Assert.Single(analysis.Errors).Code);
    }

    [Fact]
    public void A_dependency_cycle_names_the_resources_in_the_circle()
    {
        const string yaml = """
            Resources:
              A:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !GetAtt B.TopicName
              B:
                Type: AWS::SNS::Topic
                DependsOn: C
              C:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Sub "${A.TopicName}"
              D:
                Type: AWS::SNS::Topic
                DependsOn: A
            """;

        var error = Assert.Single(TestTemplates.Analyze(yaml).Errors);

        Assert.Equal(TemplateErrorCodes.DependencyCycle, error.Code);
        Assert.Contains("A → B → C → A", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_cycle_is_reported()
    {
        const string yaml = "Conditions:\n  X: !And [!Condition Y, !Condition Y]\n  Y: !Not [!Condition X]\nResources:\n  T:\n    Type: AWS::SNS::Topic\n";

        Assert.Contains(TestTemplates.Analyze(yaml).Errors, e => e.Code == TemplateErrorCodes.DependencyCycle);
    }

    [Fact]
    public void A_template_over_one_megabyte_is_refused_without_parsing()
    {
        var text = "Resources:\n" + new string('#', 1_048_577);

        var analysis = TestTemplates.Analyze(text);

        Assert.Equal(TemplateErrorCodes.TooLarge, Assert.Single(analysis.Errors).Code);
        Assert.Null(analysis.Template);
    }

    [Fact]
    public void An_alias_bomb_stops_at_the_expansion_limit()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var analysis = TestTemplates.Analyze(string.Join('\n', lines));

        Assert.Equal(TemplateErrorCodes.AliasExpansion, Assert.Single(analysis.Errors).Code);
    }

    [Fact]
    public void Nesting_beyond_the_depth_bound_is_reported()
    {
        var text = "Resources: " + new string('[', 200) + new string(']', 200);

        var analysis = TestTemplates.Analyze(text);

        Assert.Equal(TemplateErrorCodes.TooDeep, Assert.Single(analysis.Errors).Code);
    }

    [Theory]
    [InlineData("", TemplateErrorCodes.Structure)]
    [InlineData("- a\n- b\n", TemplateErrorCodes.Structure)]
    [InlineData("Resources:\n  A:\n    Properties: {}\n", TemplateErrorCodes.Structure)]
    [InlineData("Resource:\n  A:\n    Type: AWS::SNS::Topic\n", TemplateErrorCodes.Structure)]
    [InlineData("Parameters:\n  P:\n    Type: Strin\nResources:\n  A:\n    Type: AWS::SNS::Topic\n", TemplateErrorCodes.InvalidParameter)]
    [InlineData("Parameters:\n  P:\n    Type: String\n    Default: c\n    AllowedValues: [a, b]\nResources:\n  A:\n    Type: AWS::SNS::Topic\n", TemplateErrorCodes.InvalidParameter)]
    [InlineData("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    DependsOn: Ghost\n", TemplateErrorCodes.UndefinedReference)]
    [InlineData("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Condition: Ghost\n", TemplateErrorCodes.UndefinedReference)]
    [InlineData("a: 1\n---\nb: 2\n", TemplateErrorCodes.Structure)]
    public void Structural_problems_are_reported(string text, string code)
    {
        Assert.Contains(TestTemplates.Analyze(text).Errors, e => e.Code == code);
    }

    [Fact]
    public void A_cancelled_analysis_stops_with_operation_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => TemplateAnalyzer.Analyze("Resources:\n  T:\n    Type: AWS::SNS::Topic\n", cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Every_section_of_the_model_keeps_positions()
    {
        var template = TestTemplates.Parse("Parameters:\n  P:\n    Type: String\nConditions:\n  C: !Equals [!Ref P, x]\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Condition: C\nOutputs:\n  O:\n    Value: !Ref T\n");

        Assert.Equal(new SourcePosition(2, 3), template.Parameters[0].Position);
        Assert.Equal(new SourcePosition(5, 3), template.Conditions[0].Position);
        Assert.Equal(new SourcePosition(5, 6), template.Conditions[0].Expression.Position);
        Assert.Equal(new SourcePosition(7, 3), template.Resources[0].Position);
        Assert.Equal("C", template.Resources[0].Condition);
        Assert.Equal(new SourcePosition(11, 3), template.Outputs[0].Position);
        Assert.Equal(new SourcePosition(12, 12), template.Outputs[0].Value!.Position);
    }

    [Fact]
    public void A_serverless_template_may_have_a_globals_section()
    {
        var analysis = TestTemplates.Analyze("Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function: { Timeout: 5 }\nResources:\n  T:\n    Type: AWS::SNS::Topic\n");
        var plain = TestTemplates.Analyze("Globals:\n  Function: { Timeout: 5 }\nResources:\n  T:\n    Type: AWS::SNS::Topic\n");

        Assert.Empty(analysis.Errors);
        Assert.Equal(["AWS::Serverless-2016-10-31"], analysis.Template!.Transforms);
        Assert.Equal(TemplateErrorCodes.Structure, Assert.Single(plain.Errors).Code);
    }

    [Fact]
    public void An_alias_to_an_anchor_that_is_still_open_is_an_error_not_a_loop()
    {
        var analysis = TestTemplates.Analyze("Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Metadata: &self { Inner: *self }\n");

        Assert.Contains(analysis.Errors, e => e.Code == TemplateErrorCodes.Syntax && e.Message.Contains("*self", StringComparison.Ordinal));
    }
}
