using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

public class UpdatePlannerTests
{
    private static PlannedResource R(string id, string type, string json) => new(id, type, (JsonObject)JsonNode.Parse(json)!);

    [Fact]
    public void Changes_are_classified_per_resource()
    {
        var before = new[]
        {
            R("Notebook", "AWS::SageMaker::NotebookInstance", """{"InstanceType":"ml.t3.medium","SubnetId":"subnet-a"}"""),
            R("Type", "AWS::SageMaker::NotebookInstance", """{"InstanceType":"ml.t3.medium","SubnetId":"subnet-a"}"""),
            R("Key", "AWS::KMS::Key", """{"Description":"old"}"""),
            R("Same", "AWS::SSM::Parameter", """{"Type":"String","Value":"1"}"""),
            R("Gone", "AWS::S3::Bucket", "{}"),
        };
        var after = new[]
        {
            R("Notebook", "AWS::SageMaker::NotebookInstance", """{"InstanceType":"ml.t3.medium","SubnetId":"subnet-b"}"""),
            R("Type", "AWS::SageMaker::NotebookInstance", """{"InstanceType":"ml.m5.xlarge","SubnetId":"subnet-a"}"""),
            R("Key", "AWS::KMS::Key", """{"Description":"new"}"""),
            R("Same", "AWS::SSM::Parameter", """{"Type":"String","Value":1}"""),
            R("New", "AWS::S3::Bucket", "{}"),
        };
        var plan = UpdatePlanner.Plan(before, after).ToDictionary(c => c.LogicalId);
        Assert.Equal(ChangeAction.Replace, plan["Notebook"].Action);
        Assert.Equal(["SubnetId"], plan["Notebook"].ReplacementCauses);
        Assert.Equal(ChangeAction.UpdateInPlace, plan["Type"].Action);
        Assert.Equal(ChangeAction.UpdateInPlace, plan["Key"].Action);
        Assert.Equal(ChangeAction.None, plan["Same"].Action);
        Assert.Equal(ChangeAction.Add, plan["New"].Action);
        Assert.Equal(ChangeAction.Remove, plan["Gone"].Action);
    }

    [Fact]
    public void Adding_a_replacement_property_replaces_and_a_type_change_replaces()
    {
        Assert.Equal(ChangeAction.Replace, UpdatePlanner.Classify("B", "AWS::S3::Bucket", [], "AWS::S3::Bucket",
            new JsonObject { ["BucketName"] = "named" }).Action);
        Assert.Equal(ChangeAction.Replace, UpdatePlanner.Classify("X", "AWS::S3::Bucket", [], "AWS::SSM::Parameter", []).Action);
    }
}
