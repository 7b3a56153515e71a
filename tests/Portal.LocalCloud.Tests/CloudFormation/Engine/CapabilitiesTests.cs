using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

public class CapabilitiesTests
{
    private static readonly Template Unnamed = TemplateParser.Parse("Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties: { AssumeRolePolicyDocument: {} }\n");
    private static readonly Template Named = TemplateParser.Parse("Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties: { RoleName: x, AssumeRolePolicyDocument: {} }\n");
    private static readonly Template Transformed = TemplateParser.Parse("Transform: AWS::Serverless-2016-10-31\nResources:\n  B: { Type: AWS::S3::Bucket }\n");

    [Fact]
    public void Iam_resources_need_CAPABILITY_IAM()
    {
        var error = Assert.Throws<CloudFormationException>(() => Capabilities.Check(Unnamed, []));
        Assert.Equal(CloudFormationException.InsufficientCapabilities, error.ErrorCode);
        Assert.Equal("Requires capabilities : [CAPABILITY_IAM]", error.Message);
        Capabilities.Check(Unnamed, [Capabilities.Iam]);
        Capabilities.Check(Unnamed, [Capabilities.NamedIam]);
    }

    [Fact]
    public void Custom_named_iam_resources_need_CAPABILITY_NAMED_IAM()
    {
        var error = Assert.Throws<CloudFormationException>(() => Capabilities.Check(Named, [Capabilities.Iam]));
        Assert.Equal("Requires capabilities : [CAPABILITY_NAMED_IAM]", error.Message);
        Capabilities.Check(Named, [Capabilities.NamedIam]);
    }

    [Fact]
    public void Transforms_need_CAPABILITY_AUTO_EXPAND()
    {
        var error = Assert.Throws<CloudFormationException>(() => Capabilities.Check(Transformed, []));
        Assert.Equal("Requires capabilities : [CAPABILITY_AUTO_EXPAND]", error.Message);
    }
}
