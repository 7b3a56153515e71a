using System.Text.Json.Nodes;
using Portal.LocalCloud.Iam.Policy;

namespace Portal.LocalCloud.Tests.Iam.Policy;

/// <summary>Lab 4/5 at the evaluator level: the version-2 notebook policy denies training outside the project VPC.</summary>
public class PreventiveControlScenarioTests
{
    private static readonly JsonObject WithoutVpc = (JsonObject)JsonNode.Parse("""
        {"TrainingJobName":"xgboost-no-vpc","RoleArn":"arn:aws:iam::123456789012:role/ds-notebook-role-fraud-dev",
         "AlgorithmSpecification":{"TrainingImage":"xgboost:0.90-1","TrainingInputMode":"File"},
         "ResourceConfig":{"InstanceType":"ml.m4.xlarge","InstanceCount":1,"VolumeSizeInGB":10,"VolumeKmsKeyId":"1234abcd-12ab-34cd-56ef-1234567890ab"},
         "OutputDataConfig":{"S3OutputPath":"s3://fraud-dev-models/out"},
         "StoppingCondition":{"MaxRuntimeInSeconds":3600},
         "EnableInterContainerTrafficEncryption":false}
        """)!;

    private static JsonObject WithVpc(params string[] subnets)
    {
        var request = (JsonObject)WithoutVpc.DeepClone();
        request["TrainingJobName"] = "xgboost-in-vpc";
        request["VpcConfig"] = new JsonObject
        {
            ["Subnets"] = new JsonArray(subnets.Select(s => (JsonNode?)s).ToArray()),
            ["SecurityGroupIds"] = new JsonArray(NotebookPolicies.SecurityGroup),
        };
        return request;
    }

    private static AuthorizationOutcome Train(NamedPolicy policy, JsonObject request) =>
        SageMakerAuthorizer.Authorize(
            "CreateTrainingJob",
            request,
            NotebookPolicies.CallerArn,
            [policy, NotebookPolicies.S3ReadOnly],
            RequestContext.ForAssumedRoleSession(NotebookPolicies.Account, "arn:aws:iam::123456789012:role/ds-notebook-role-fraud-dev",
                "AROAEXAMPLEROLEID0001", "SageMaker", NotebookPolicies.Region, DateTimeOffset.UnixEpoch),
            "aws", NotebookPolicies.Region, NotebookPolicies.Account);

    [Fact]
    public void Version2_denies_training_without_a_vpc_with_the_explicit_deny_text()
    {
        var outcome = Train(NotebookPolicies.Version2, WithoutVpc);

        Assert.False(outcome.IsAllowed);
        var result = Assert.Single(outcome.Results);
        Assert.Equal(EvaluationDecision.ExplicitDeny, result.Decision);
        Assert.Equal("SageMakerDenyWithoutVpc", Assert.Single(result.MatchedStatements).Sid);
        Assert.Equal(
            "User: arn:aws:sts::123456789012:assumed-role/ds-notebook-role-fraud-dev/SageMaker is not authorized to perform: "
            + "sagemaker:CreateTrainingJob on resource: arn:aws:sagemaker:eu-west-2:123456789012:training-job/xgboost-no-vpc "
            + "with an explicit deny in an identity-based policy",
            outcome.AccessDeniedMessage);
    }

    [Fact]
    public void Version2_allows_training_in_the_project_subnets_and_security_group()
    {
        var outcome = Train(NotebookPolicies.Version2, WithVpc("subnet-0aaa", "subnet-0bbb"));
        Assert.True(outcome.IsAllowed);
        Assert.Null(outcome.AccessDeniedMessage);
        Assert.Equal("SageMakerWithinProjectVpc", Assert.Single(outcome.Results[0].MatchedStatements).Sid);
    }

    [Fact]
    public void Version2_implicitly_denies_a_subnet_outside_the_project()
    {
        var outcome = Train(NotebookPolicies.Version2, WithVpc("subnet-0aaa", "subnet-0zzz"));
        Assert.Equal(EvaluationDecision.ImplicitDeny, outcome.Results[0].Decision);
        Assert.EndsWith("because no identity-based policy allows the sagemaker:CreateTrainingJob action", outcome.AccessDeniedMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Version1_allows_training_with_and_without_a_vpc()
    {
        Assert.True(Train(NotebookPolicies.Version1, WithoutVpc).IsAllowed);
        Assert.True(Train(NotebookPolicies.Version1, WithVpc(NotebookPolicies.Subnets)).IsAllowed);
    }

    [Fact]
    public void Describe_calls_stay_allowed_under_version2()
    {
        var result = PolicyEvaluator.Evaluate([NotebookPolicies.Version2], "sagemaker:DescribeTrainingJob",
            "arn:aws:sagemaker:eu-west-2:123456789012:training-job/x", new RequestContext());
        Assert.Equal(EvaluationDecision.Allowed, result.Decision);
    }

    [Theory]
    [InlineData(false, "explicitDeny")]
    [InlineData(true, "allowed")]
    public void SimulatePrincipalPolicy_agrees_with_enforcement(bool withVpc, string expected)
    {
        var request = withVpc ? WithVpc(NotebookPolicies.Subnets) : WithoutVpc;
        var enforced = Train(NotebookPolicies.Version2, request);
        var entries = withVpc
            ? new List<ContextEntry>
            {
                new("sagemaker:VpcSubnets", NotebookPolicies.Subnets, "stringList"),
                new("sagemaker:VpcSecurityGroupIds", [NotebookPolicies.SecurityGroup], "stringList"),
            }
            : [];

        var simulated = Assert.Single(PolicySimulator.SimulatePrincipalPolicy(
            [NotebookPolicies.Version2, NotebookPolicies.S3ReadOnly], ["sagemaker:CreateTrainingJob"], null, entries));

        Assert.Equal(expected, simulated.EvalDecision);
        Assert.Equal(enforced.Results[0].EvalDecision, simulated.EvalDecision);
        Assert.Equal("*", simulated.EvalResourceName);
        Assert.Equal(
            withVpc ? ["iam:PassedToService"] : ["iam:PassedToService", "sagemaker:VpcSecurityGroupIds", "sagemaker:VpcSubnets"],
            simulated.MissingContextValues);
    }
}
