using CsCheck;
using Portal.Core.Guardrails;
using Portal.Core.Templates;
using Portal.Core.Tests.Guardrails;

namespace Portal.Core.Tests.Templates;

/// <summary>
/// Property tests: whatever text arrives, the analyser and everything downstream of it return a result
/// instead of throwing, and finish because every loop is bounded by the template limits.
/// </summary>
public class AnalyzerFuzzTests
{
    private static readonly TemplateLimits SmallLimits = new() { MaxExpandedNodes = 50_000, MaxDepth = 32 };

    private static readonly string[] Lines =
    [
        "Resources:", "Parameters:", "Conditions:", "Mappings:", "Outputs:", "Rules:", "Metadata:", "Transform: AWS::Serverless-2016-10-31",
        "A:", "B:", "Nb:", "Type: AWS::SageMaker::NotebookInstance", "Type: AWS::S3::Bucket", "Type: AWS::IAM::Role", "Type: String",
        "Properties:", "DirectInternetAccess: !Ref P", "RootAccess: !If [C, Enabled, Disabled]", "KmsKeyId: !GetAtt K.Arn",
        "Value: !Sub '${A.Arn}-${P}'", "DependsOn: [A, B]", "Condition: C", "C: !Equals [!Ref P, x]", "D: !And [!Condition C, !Not [!Condition C]]",
        "AllowedValues: [Enabled, Disabled]", "Default: Enabled", "NoEcho: true", "MinLength: 3", "- Effect: Allow", "Action: '*'", "Resource: '*'",
        "Statement:", "PolicyDocument:", "Policies:", "- PolicyDocument: {Statement: [{Effect: Allow, Action: iam:PassRole, Resource: '*'}]}",
        "x: &a [1, 2, *a]", "y: *a", "z: &b {k: &c [v, v]}", "w: [*c, *c, *c, *c]", "!Ref", "!GetAtt", "!Unknown x", "{Fn::Nope: 1}",
        "Fn::Join: [',', [a, !Ref AWS::Region]]", "!Select [0, !GetAZs '']", "!FindInMap [M, k, v]", "!Cidr [10.0.0.0/16, 3, 8]",
        "- [[[[[[", "]]]}}}", "'unterminated", "\"esc\\u00e9\"", "? complex", ": value", "--- ", "...", "\t- tab", "% directive",
        "Assertions: [{Assert: !Contains [[a], !Ref P]}]", "RuleCondition: !Equals [!Ref P, a]", "ParameterGroups: [{Label: {default: G}, Parameters: [P]}]",
    ];

    private static readonly string[] Seeds =
    [
        RuleCases.Template(RuleCases.Notebook("DirectInternetAccess: !Ref P", "RootAccess: !If [C, Enabled, !Ref AWS::NoValue]")),
        .. RuleCases.All.Select(c => RuleCases.Template(c.NonCompliant)),
        SecureEnvironmentTests.Environment,
        """{"Parameters":{"P":{"Type":"String","AllowedValues":["a","b"]}},"Conditions":{"C":{"Fn::Equals":[{"Ref":"P"},"a"]}},"Resources":{"T":{"Type":"AWS::SNS::Topic","Condition":"C","Properties":{"TopicName":{"Fn::If":["C",{"Fn::Sub":"${P}-x"},{"Ref":"AWS::NoValue"}]}}}}}""",
    ];

    private static readonly Gen<string> GeneratedTemplates =
        Gen.Select(Gen.OneOf(Lines), Gen.Int[0, 5]).Array[1, 60]
            .Select(lines => string.Join('\n', lines.Select(l => new string(' ', l.Item2 * 2) + l.Item1)));

    private static readonly Gen<string> MutatedTemplates =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, 3], Gen.Double[0, 1], Gen.Int[0, 40], Gen.String[Gen.Char["{}[]:!&*-'\"\n\t #,|>%@`\\${}"], 0, 8])
            .Select((seed, kind, where, length, insert) => Mutate(Seeds[seed], kind, where, length, insert));

    [Fact]
    public void Generated_templates_never_make_the_analyser_throw() =>
        Check.Sample(GeneratedTemplates, AnalyseEverything, iter: 3000);

    [Fact]
    public void Mutated_templates_never_make_the_analyser_throw() =>
        Check.Sample(MutatedTemplates, AnalyseEverything, iter: 3000);

    [Fact]
    public void Arbitrary_text_never_makes_the_analyser_throw() =>
        Check.Sample(Gen.String[Gen.Char.AlphaNumeric.Select(c => c), 0, 300].Select(s => "Resources:\n  " + s), AnalyseEverything, iter: 500);

    [Fact]
    public void Live_descriptions_with_odd_shapes_never_make_the_rules_throw()
    {
        var values = Gen.OneOf<object?>(Gen.Const<object?>(() => null), Gen.String.Select(s => (object?)s), Gen.Bool.Select(b => (object?)b), Gen.Int.Select(i => (object?)i), Gen.Const<object?>(() => new[] { "a", "b" }));
        var keys = Gen.OneOf("DirectInternetAccess", "VpcConfig", "PolicyDocument", "Policies", "Scheme", "BucketEncryption", "SecurityGroupIngress", "DataCaptureConfig", "Statement");
        var types = Gen.OneOf(BaselineRules.All.SelectMany(r => r.ResourceTypes).Distinct().ToArray());
        var descriptions = Gen.Select(types, Gen.Select(keys, values).Array[0, 6]).Select((type, pairs) =>
            new ResourceDescription(type, "live", pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2)));

        Check.Sample(descriptions, d => Assert.NotNull(new GuardrailEngine(TimeProvider.System).Evaluate(new[] { d }, cancellationToken: TestContext.Current.CancellationToken)), iter: 2000);
    }

    private static void AnalyseEverything(string text)
    {
        var analysis = TemplateAnalyzer.Analyze(text, "fuzz.yaml", SmallLimits, TestContext.Current.CancellationToken);
        Assert.All(analysis.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        if (analysis.Template is not { } template)
        {
            Assert.NotEmpty(analysis.Errors);
            return;
        }

        Assert.NotNull(new GuardrailEngine(TimeProvider.System).Evaluate(template, cancellationToken: TestContext.Current.CancellationToken));
        var form = ParameterFormBuilder.Build(template);
        if (form.IsSuccess)
        {
            Assert.NotNull(form.Value.Validate(new Dictionary<string, string>()));
        }

        Assert.False(TemplateDiff.Compare(template, template).HasChanges);
    }

    private static string Mutate(string seed, int kind, double where, int length, string insert)
    {
        var at = (int)(where * seed.Length);
        length = Math.Min(length, seed.Length - at);
        return kind switch
        {
            0 => seed.Remove(at, length),
            1 => seed.Insert(at, insert),
            2 => seed.Insert(at, seed.Substring(at, length)),
            _ => seed.Remove(at, length).Insert(at, insert),
        };
    }
}
