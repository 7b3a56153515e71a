using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

public class ParameterResolverTests
{
    private static readonly Template Template = TemplateParser.Parse("""
        Parameters:
          ProjectName:
            Type: String
            MinLength: 3
            MaxLength: 10
            AllowedPattern: '[a-z][a-z0-9-]*'
          Stage:
            Type: String
            AllowedValues: [dev, prod]
            Default: dev
          VolumeSize:
            Type: Number
            MinValue: 5
            MaxValue: 100
            Default: 5
          Ports:
            Type: List<Number>
            Default: "80,443"
          Subnets:
            Type: List<AWS::EC2::Subnet::Id>
            Default: "subnet-1,subnet-2"
          Secret:
            Type: String
            NoEcho: true
            Default: hunter2
          Owner:
            Type: String
            Default: x
            AllowedPattern: '[A-Z].*'
            ConstraintDescription: must start with a capital letter
        Resources:
          Bucket: { Type: "AWS::S3::Bucket" }
        """);

    private static Task<IReadOnlyDictionary<string, ResolvedParameter>> Resolve(params ParameterInput[] inputs) =>
        ParameterResolver.ResolveAsync(Template, inputs, null, null, TestContext.Current.CancellationToken);

    private static async Task<string> RefusalOf(params ParameterInput[] inputs) =>
        (await Assert.ThrowsAsync<CloudFormationException>(() => Resolve([new ParameterInput("Owner", "Ann"), .. inputs]))).Message;

    [Fact]
    public async Task Defaults_and_list_types_resolve()
    {
        var resolved = await Resolve(new ParameterInput("ProjectName", "alpha"), new ParameterInput("Owner", "Ann"));
        Assert.Equal("dev", TemplateValues.AsString(resolved["Stage"].Value));
        Assert.Equal(["80", "443"], TemplateValues.AsStringList(resolved["Ports"].Value));
        Assert.Equal(["subnet-1", "subnet-2"], TemplateValues.AsStringList(resolved["Subnets"].Value));
        Assert.Equal("****", resolved["Secret"].DisplayValue);
    }

    [Fact]
    public async Task A_missing_value_is_refused_with_AWS_text() =>
        Assert.Equal("Parameters: [ProjectName] must have values", await RefusalOf());

    [Fact]
    public async Task An_undeclared_parameter_is_refused() =>
        Assert.Equal("Parameters: [Colour] do not exist in the template", await RefusalOf(new ParameterInput("ProjectName", "alpha"), new ParameterInput("Colour", "red")));

    [Fact]
    public async Task AllowedValues_is_enforced() =>
        Assert.Equal("Parameter 'Stage' must be one of AllowedValues", await RefusalOf(new ParameterInput("ProjectName", "alpha"), new ParameterInput("Stage", "qa")));

    [Fact]
    public async Task AllowedPattern_must_match_the_whole_value() =>
        Assert.Equal("Parameter 'ProjectName' must match pattern [a-z][a-z0-9-]*", await RefusalOf(new ParameterInput("ProjectName", "alpha_1")));

    [Fact]
    public async Task Length_limits_are_enforced()
    {
        Assert.Equal("Parameter 'ProjectName' must contain at least 3 characters", await RefusalOf(new ParameterInput("ProjectName", "ab")));
        Assert.Equal("Parameter 'ProjectName' must contain at most 10 characters", await RefusalOf(new ParameterInput("ProjectName", "abcdefghijk")));
    }

    [Fact]
    public async Task Number_type_and_value_limits_are_enforced()
    {
        Assert.Equal("Parameter 'VolumeSize' must be a number.", await RefusalOf(new ParameterInput("ProjectName", "alpha"), new ParameterInput("VolumeSize", "big")));
        Assert.Equal("Parameter 'VolumeSize' must be a number not less than 5", await RefusalOf(new ParameterInput("ProjectName", "alpha"), new ParameterInput("VolumeSize", "4")));
        Assert.Equal("Parameter 'VolumeSize' must be a number not greater than 100", await RefusalOf(new ParameterInput("ProjectName", "alpha"), new ParameterInput("VolumeSize", "101")));
        Assert.Equal("Parameter 'Ports' must be a number.", await RefusalOf(new ParameterInput("ProjectName", "alpha"), new ParameterInput("Ports", "80,http")));
    }

    [Fact]
    public async Task ConstraintDescription_replaces_the_default_text()
    {
        var error = await Assert.ThrowsAsync<CloudFormationException>(() => Resolve(new ParameterInput("ProjectName", "alpha"), new ParameterInput("Owner", "ann")));
        Assert.Equal("Parameter 'Owner' failed to satisfy constraint: must start with a capital letter", error.Message);
    }

    [Fact]
    public async Task UsePreviousValue_takes_the_previous_supplied_value()
    {
        var first = await Resolve(new ParameterInput("ProjectName", "alpha"), new ParameterInput("Owner", "Ann"));
        var second = await ParameterResolver.ResolveAsync(
            Template, [new ParameterInput("ProjectName", null, UsePreviousValue: true), new ParameterInput("Owner", "Bob")], first, null, TestContext.Current.CancellationToken);
        Assert.Equal("alpha", TemplateValues.AsString(second["ProjectName"].Value));
    }

    [Fact]
    public async Task Ssm_parameter_types_resolve_through_the_resolver_and_missing_names_are_refused()
    {
        var template = TemplateParser.Parse("""
            Parameters:
              VpcId: { Type: "AWS::SSM::Parameter::Value<String>", Default: ds-vpc-id }
              Subnets: { Type: "AWS::SSM::Parameter::Value<List<String>>", Default: ds-subnets }
            Resources:
              Bucket: { Type: "AWS::S3::Bucket" }
            """);
        var ssm = new FakeSsmParameters(new() { ["ds-vpc-id"] = "vpc-0abc", ["ds-subnets"] = "subnet-a,subnet-b" });
        var resolved = await ParameterResolver.ResolveAsync(template, [], null, ssm, TestContext.Current.CancellationToken);
        Assert.Equal("vpc-0abc", TemplateValues.AsString(resolved["VpcId"].Value));
        Assert.Equal("ds-vpc-id", resolved["VpcId"].SuppliedValue);
        Assert.Equal(["subnet-a", "subnet-b"], TemplateValues.AsStringList(resolved["Subnets"].Value));

        var error = await Assert.ThrowsAsync<CloudFormationException>(() => ParameterResolver.ResolveAsync(
            template, [new ParameterInput("VpcId", "nope")], null, ssm, TestContext.Current.CancellationToken));
        Assert.Equal("Unable to fetch parameters [nope] from parameter store for this account.", error.Message);
    }

    [Fact]
    public async Task Aws_specific_values_must_exist_when_a_validator_is_wired()
    {
        var inputs = new[] { new ParameterInput("ProjectName", "alpha"), new ParameterInput("Owner", "Ann") };
        var known = await ParameterResolver.ResolveAsync(Template, inputs, null, null, new FakeEc2Ids("subnet-1", "subnet-2"), TestContext.Current.CancellationToken);
        Assert.Equal(2, TemplateValues.AsStringList(known["Subnets"].Value).Count);
        var error = await Assert.ThrowsAsync<CloudFormationException>(() =>
            ParameterResolver.ResolveAsync(Template, inputs, null, null, new FakeEc2Ids("subnet-1"), TestContext.Current.CancellationToken));
        Assert.Equal("Parameter validation failed: parameter value subnet-2 for parameter name Subnets does not exist", error.Message);
    }
}
