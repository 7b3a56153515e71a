using Portal.Core.Templates;

namespace Portal.Core.Tests.Templates;

public class TemplateDiffTests
{
    private const string Version1 = """
        Parameters:
          InstanceType: { Type: String, Default: ml.t3.medium, AllowedValues: [ml.t3.medium, ml.m5.xlarge] }
          Owner: { Type: String }
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: !Ref InstanceType
              DirectInternetAccess: Disabled
              SubnetId: subnet-1
              Tags: [ { Key: owner, Value: !Ref Owner } ]
          Policy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument: { Statement: [ { Effect: Allow, Action: 'sagemaker:*', Resource: '*' } ] }
          Topic:
            Type: AWS::SNS::Topic
        Outputs:
          Name: { Value: !GetAtt Notebook.NotebookInstanceName }
        """;

    private const string Version2 = """
        Parameters:
          InstanceType: { Type: String, Default: ml.t3.medium, AllowedValues: [ml.t3.medium, ml.m5.xlarge, ml.p3.2xlarge] }
          Owner: { Type: String, Description: Who owns it }
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: !Ref InstanceType
              DirectInternetAccess: Disabled
              RootAccess: Disabled
              SubnetId: subnet-2
              Tags: [ { Key: owner, Value: !Ref Owner }, { Key: team, Value: ds } ]
          Policy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - { Effect: Deny, Action: 'sagemaker:CreateTrainingJob', Resource: '*', Condition: { 'Null': { sagemaker:VpcSubnets: 'true' } } }
                  - { Effect: Allow, Action: 'sagemaker:*', Resource: '*' }
          Queue:
            Type: AWS::SQS::Queue
        Outputs:
          Name: { Value: !GetAtt Notebook.NotebookInstanceName }
        """;

    [Fact]
    public void Added_removed_and_changed_resources_are_listed_with_security_changes_highlighted()
    {
        var diff = TemplateDiff.Compare(TestTemplates.Parse(Version1), TestTemplates.Parse(Version2));

        Assert.Equal(ChangeKind.Removed, diff.Resources.Single(r => r.LogicalId == "Topic").Kind);
        Assert.Equal(ChangeKind.Added, diff.Resources.Single(r => r.LogicalId == "Queue").Kind);
        var notebook = diff.Resources.Single(r => r.LogicalId == "Notebook");
        Assert.Equal(ChangeKind.Modified, notebook.Kind);
        Assert.Equal(["network placement", "root access"], notebook.SecurityReasons);
        var root = notebook.Properties.Single(p => p.Path == "RootAccess");
        Assert.Equal((null, "\"Disabled\""), (root.Before, root.After));
        Assert.Contains(notebook.Properties, p => p.Path == "SubnetId" && p.Before == "\"subnet-1\"" && p.After == "\"subnet-2\"");
        Assert.Contains(notebook.Properties, p => p.Path == "Tags" && !p.IsSecurityRelevant);
        Assert.Contains("IAM permissions", diff.Resources.Single(r => r.LogicalId == "Policy").SecurityReasons);
        Assert.False(diff.Resources.Single(r => r.LogicalId == "Queue").IsSecurityRelevant);
        Assert.True(diff.HasSecurityRelevantChanges);
        Assert.Empty(diff.Outputs);
    }

    [Fact]
    public void Parameter_changes_are_described_and_widened_allowed_values_are_flagged()
    {
        var diff = TemplateDiff.Compare(TestTemplates.Parse(Version1), TestTemplates.Parse(Version2));

        var instance = diff.Parameters.Single(p => p.Name == "InstanceType");
        Assert.Equal(["AllowedValues adds ml.p3.2xlarge"], instance.Details);
        Assert.Equal("accepts more values", instance.SecurityReason);
        var owner = diff.Parameters.Single(p => p.Name == "Owner");
        Assert.False(owner.IsSecurityRelevant);
    }

    [Fact]
    public void Identical_templates_in_different_formats_have_no_changes()
    {
        var yaml = TestTemplates.Parse("Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: { TopicName: !Sub '${AWS::StackName}-t' }\n");
        var json = TestTemplates.Parse("""{"Resources":{"T":{"Type":"AWS::SNS::Topic","Properties":{"TopicName":{"Fn::Sub":"${AWS::StackName}-t"}}}}}""");

        Assert.False(TemplateDiff.Compare(yaml, json).HasChanges);
    }

    [Fact]
    public void The_guardrail_delta_shows_what_a_new_version_fixes_and_introduces()
    {
        var engine = new Portal.Core.Guardrails.GuardrailEngine(TimeProvider.System);

        var delta = engine.CompareVersions(TestTemplates.Parse(Version1), TestTemplates.Parse(Version2), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(delta.Resolved, f => f.RuleId == "SM-NB-002");
        Assert.Contains(delta.Resolved, f => f.RuleId == "IAM-003" && f.Message.Contains("CreateTrainingJob", StringComparison.Ordinal));
        Assert.Contains(delta.Introduced, f => f.RuleId == "IAM-003" && !f.Message.Contains("CreateTrainingJob", StringComparison.Ordinal));
        Assert.Contains(delta.Remaining, f => f.RuleId == "SM-NB-003");
    }
}
