using Portal.Core.Templates;

namespace Portal.Core.Tests.Templates;

public class ParameterFormTests
{
    private const string Notebook = """
        Metadata:
          AWS::CloudFormation::Interface:
            ParameterGroups:
              - Label: { default: Project }
                Parameters: [ProjectName, EnvType]
              - Label: { default: Notebook }
                Parameters: [InstanceType, VolumeSize, NotebookSubnet]
            ParameterLabels:
              ProjectName: { default: Project name }
        Parameters:
          NotebookSubnet:
            Type: String
            AllowedValues: ['1', '2', '3']
            Default: '1'
          ProjectName:
            Type: String
            AllowedPattern: '[A-Za-z0-9\-]*'
            MaxLength: 20
            ConstraintDescription: Letters, digits and dashes only.
            Description: Unique name of the project.
          EnvType:
            Type: String
            Default: dev
          InstanceType:
            Type: String
            Default: ml.t3.medium
            AllowedValues: [ml.t3.medium, ml.t3.2xlarge, ml.m5.xlarge, ml.c5.2xlarge, ml.p3.2xlarge]
          VolumeSize:
            Type: Number
            Default: 10
            MinValue: 5
            MaxValue: 100
          GitToken:
            Type: String
            NoEcho: true
            Default: none
          Subnets:
            Type: List<AWS::EC2::Subnet::Id>
            Default: subnet-1
          Tags:
            Type: CommaDelimitedList
            AllowedValues: [a, b, c]
            Default: a
        Resources:
          Topic:
            Type: AWS::SNS::Topic
        """;

    private static ParameterForm Build(string? rules = null) => ParameterFormBuilder.Build(TestTemplates.Parse(Notebook), rules).Value;

    [Fact]
    public void Fields_follow_the_interface_groups_and_carry_kind_label_and_help()
    {
        var form = Build();

        Assert.Equal(["ProjectName", "EnvType", "InstanceType", "VolumeSize", "NotebookSubnet", "GitToken", "Subnets", "Tags"], form.Fields.Select(f => f.Name));
        Assert.Equal(["Project", "Notebook"], form.Groups);
        var project = form.Field("ProjectName")!;
        Assert.Equal(("Project name", "Project", "Unique name of the project.", ParameterControlKind.Text, true), (project.Label, project.Group, project.HelpText, project.Kind, project.IsRequired));
        Assert.Equal(ParameterControlKind.Select, form.Field("InstanceType")!.Kind);
        Assert.Equal(ParameterControlKind.Number, form.Field("VolumeSize")!.Kind);
        Assert.Equal(ParameterControlKind.Password, form.Field("GitToken")!.Kind);
        Assert.Equal(ParameterControlKind.List, form.Field("Subnets")!.Kind);
        Assert.Equal(ParameterControlKind.MultiSelect, form.Field("Tags")!.Kind);
        Assert.Null(form.Field("GitToken")!.Group);
        Assert.Null(form.Field("GitToken")!.DisplayDefault);
        Assert.Equal("ml.t3.medium", form.Field("InstanceType")!.DisplayDefault);
    }

    [Fact]
    public void Submitted_values_are_checked_against_each_constraint_with_per_field_errors()
    {
        var form = Build();

        var result = form.Validate(new Dictionary<string, string>
        {
            ["ProjectName"] = "bad name!",
            ["InstanceType"] = "ml.p4d.24xlarge",
            ["VolumeSize"] = "500",
            ["Tags"] = "a,z",
            ["Unknown"] = "x",
        });

        Assert.False(result.IsValid);
        Assert.Contains("Letters, digits and dashes only.", Assert.Single(result.ErrorsFor("ProjectName")).Message, StringComparison.Ordinal);
        Assert.Single(result.ErrorsFor("InstanceType"));
        Assert.Contains("at most 100", Assert.Single(result.ErrorsFor("VolumeSize")).Message, StringComparison.Ordinal);
        Assert.Single(result.ErrorsFor("Tags"));
        Assert.Single(result.ErrorsFor("Unknown"));
        Assert.Equal("parameters.invalid", result.ToResult().Error?.Code);
    }

    [Fact]
    public void Valid_values_succeed_with_defaults_filled_in()
    {
        var result = Build().Validate(new Dictionary<string, string> { ["ProjectName"] = "credit-risk" });

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("ml.t3.medium", result.Values["InstanceType"]);
        Assert.Equal("10", result.ToResult().Value["VolumeSize"]);
    }

    [Fact]
    public void A_missing_required_value_is_an_error_on_that_field()
    {
        var result = Build().Validate(new Dictionary<string, string>());

        Assert.Equal("Project name is required.", Assert.Single(result.ErrorsFor("ProjectName")).Message);
    }

    [Fact]
    public void Template_constraint_rules_narrow_allowed_values_and_pin_values()
    {
        const string rules = """
            {
              "Rules": {
                "ProjectNameConstraint": {
                  "Assertions": [ { "Assert": { "Fn::Equals": [ { "Ref": "ProjectName" }, "credit-risk" ] }, "AssertDescription": "Project is fixed" } ]
                },
                "InstanceTypes": {
                  "Assertions": [ { "Assert": { "Fn::Contains": [ [ "ml.t3.medium", "ml.m5.xlarge", "ml.g4dn.xlarge" ], { "Ref": "InstanceType" } ] } } ]
                }
              }
            }
            """;

        var form = Build(rules);

        Assert.Equal("credit-risk", form.Field("ProjectName")!.PinnedValue);
        Assert.True(form.Field("ProjectName")!.IsReadOnly);
        Assert.Equal(["ml.t3.medium", "ml.m5.xlarge"], form.Field("InstanceType")!.AllowedValues);
        var result = form.Validate(new Dictionary<string, string> { ["ProjectName"] = "other", ["InstanceType"] = "ml.p3.2xlarge" });
        Assert.Single(result.ErrorsFor("ProjectName"));
        Assert.Single(result.ErrorsFor("InstanceType"));
    }

    [Fact]
    public void A_rule_condition_decided_by_a_pinned_value_is_honoured()
    {
        const string rules = """
            {"Rules": {
              "Pin": { "Assertions": [ { "Assert": { "Fn::Equals": [ { "Ref": "EnvType" }, "prod" ] } } ] },
              "ProdSizes": {
                "RuleCondition": { "Fn::Equals": [ { "Ref": "EnvType" }, "prod" ] },
                "Assertions": [ { "Assert": { "Fn::Contains": [ [ "ml.m5.xlarge" ], { "Ref": "InstanceType" } ] } } ] },
              "DevSizes": {
                "RuleCondition": { "Fn::Equals": [ { "Ref": "EnvType" }, "dev" ] },
                "Assertions": [ { "Assert": { "Fn::Contains": [ [ "ml.t3.medium" ], { "Ref": "InstanceType" } ] } } ] }
            }}
            """;

        var form = Build(rules);

        Assert.Equal(["ml.m5.xlarge"], form.Field("InstanceType")!.AllowedValues);
        Assert.Equal("ml.m5.xlarge", form.Field("InstanceType")!.Default);
    }

    [Fact]
    public void A_rule_condition_that_depends_on_user_input_is_enforced_at_validation()
    {
        const string rules = """
            {"Rules": {"DevSmall": {
              "RuleCondition": { "Fn::Equals": [ { "Ref": "EnvType" }, "dev" ] },
              "Assertions": [ { "Assert": { "Fn::Contains": [ [ "ml.t3.medium" ], { "Ref": "InstanceType" } ] }, "AssertDescription": "Dev notebooks must be ml.t3.medium." } ] }}}
            """;
        var form = Build(rules);

        var dev = form.Validate(new Dictionary<string, string> { ["ProjectName"] = "p", ["EnvType"] = "dev", ["InstanceType"] = "ml.m5.xlarge" });
        var prod = form.Validate(new Dictionary<string, string> { ["ProjectName"] = "p", ["EnvType"] = "prod", ["InstanceType"] = "ml.m5.xlarge" });

        Assert.Equal(5, form.Field("InstanceType")!.AllowedValues.Count);
        Assert.Equal("Dev notebooks must be ml.t3.medium.", Assert.Single(dev.ErrorsFor("InstanceType")).Message);
        Assert.True(prod.IsValid);
    }

    [Theory]
    [InlineData("{ not json", "constraint.invalid")]
    [InlineData("""{"Rules": {"R": {"Assertions": [ { "Assert": { "Fn::Contains": [ ["ml.t3.medium"], { "Ref": "InstanceTyp" } ] } } ] } } }""", "constraint.unknown-parameter")]
    [InlineData("""{"Rules": {"R": {"Assertions": [ { "Assert": { "Fn::Contains": [ ["ml.x"], { "Ref": "InstanceType" } ] } } ] } } }""", "constraint.no-values")]
    [InlineData("""{"Rules": {"R": {"Assertions": [ { "Assert": { "Fn::Equals": [ { "Ref": "InstanceType" }, "ml.x" ] } } ] } } }""", "constraint.pin-not-allowed")]
    public void Contradictory_or_malformed_constraint_rules_are_refused(string rules, string code)
    {
        var result = ParameterFormBuilder.Build(TestTemplates.Parse(Notebook), rules);

        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public void A_catastrophic_allowed_pattern_returns_an_error_instead_of_hanging()
    {
        var template = TestTemplates.Parse("Parameters:\n  Name: { Type: String, AllowedPattern: '(a+)+b' }\nResources:\n  T:\n    Type: AWS::SNS::Topic\n");
        var form = ParameterFormBuilder.Build(template).Value;

        var result = form.Validate(new Dictionary<string, string> { ["Name"] = new string('a', 40) + "!" });

        Assert.Single(result.ErrorsFor("Name"));
    }

    [Fact]
    public void A_single_field_can_be_checked_as_the_user_types()
    {
        var form = Build();

        Assert.Empty(form.ValidateField("VolumeSize", "50"));
        Assert.Contains("at least 5", Assert.Single(form.ValidateField("VolumeSize", "1")), StringComparison.Ordinal);
        Assert.Equal("Project name is required.", Assert.Single(form.ValidateField("ProjectName", null)));
        Assert.Single(form.ValidateField("Nope", "x"));
    }
}
