namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Resolves <c>AWS::SSM::Parameter::Value&lt;…&gt;</c> parameters. LocalCloud wires this to its SSM store;
/// null means the parameter does not exist in the stack's account and Region.
/// </summary>
public interface ISsmParameterResolver
{
    ValueTask<string?> GetParameterValueAsync(string name, CancellationToken cancellationToken);
}
