using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

public class DependencyGraphTests
{
    [Fact]
    public void Implicit_and_explicit_dependencies_order_creation_and_reverse_deletion()
    {
        var template = TemplateParser.Parse("""
            Resources:
              Notebook:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  RoleArn: !GetAtt Role.Arn
                  SubnetId: !Ref Subnet
                  InstanceType: ml.t3.medium
              Subnet:
                Type: AWS::EC2::Subnet
                Properties: { VpcId: !Ref Vpc }
              Role:
                Type: AWS::IAM::Role
                DependsOn: Log
                Properties: { AssumeRolePolicyDocument: {} }
              Vpc: { Type: AWS::EC2::VPC }
              Log:
                Type: AWS::Logs::LogGroup
                Properties: { LogGroupName: !Sub '/aws/${Vpc}' }
            """);
        var graph = DependencyGraph.Build(template);
        Assert.Equal(["Vpc", "Subnet", "Log", "Role", "Notebook"], graph.CreationOrder);
        Assert.Equal(["Notebook", "Role", "Log", "Subnet", "Vpc"], graph.DeletionOrder);
        Assert.Equal(["Role", "Subnet"], graph.DependenciesOf("Notebook").Order());
    }

    [Fact]
    public void Sub_local_variables_are_not_dependencies()
    {
        var template = TemplateParser.Parse("""
            Resources:
              A:
                Type: AWS::SSM::Parameter
                Properties: { Type: String, Value: !Sub ['${Thing}', { Thing: x }] }
            """);
        Assert.Empty(DependencyGraph.Build(template).DependenciesOf("A"));
    }

    [Fact]
    public void A_cycle_is_refused_naming_the_resources_in_it()
    {
        var template = TemplateParser.Parse("""
            Resources:
              Vpc: { Type: AWS::EC2::VPC }
              A:
                Type: AWS::EC2::SecurityGroup
                Properties: { GroupDescription: !Ref B, VpcId: !Ref Vpc }
              B:
                Type: AWS::EC2::SecurityGroup
                Properties: { GroupDescription: !GetAtt C.GroupId }
              C:
                Type: AWS::EC2::SecurityGroup
                DependsOn: A
                Properties: { GroupDescription: c }
              D:
                Type: AWS::EC2::SecurityGroup
                Properties: { GroupDescription: !Ref A }
            """);
        var error = Assert.Throws<CloudFormationException>(() => DependencyGraph.Build(template));
        Assert.Equal("Circular dependency between resources: [A, B, C]", error.Message);
    }

    [Fact]
    public void References_to_undeclared_names_are_refused()
    {
        var template = TemplateParser.Parse("""
            Resources:
              A:
                Type: AWS::SSM::Parameter
                DependsOn: Ghost
                Properties: { Type: String, Value: !Ref Phantom }
            """);
        var error = Assert.Throws<CloudFormationException>(() => DependencyGraph.Build(template));
        Assert.Equal("Template format error: Unresolved resource dependencies [Ghost, Phantom] in the Resources block of the template", error.Message);
    }
}
