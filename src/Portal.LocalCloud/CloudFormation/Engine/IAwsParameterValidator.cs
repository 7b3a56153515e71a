namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Checks AWS-specific parameter values (<c>AWS::EC2::VPC::Id</c>, <c>AWS::EC2::Subnet::Id</c>,
/// <c>AWS::EC2::SecurityGroup::Id</c>, …) against the account, as CloudFormation does before creating anything.
/// LocalCloud wires it to its EC2 store; without one, values are accepted unchecked.
/// </summary>
public interface IAwsParameterValidator
{
    /// <summary>True when <paramref name="value"/> names an existing resource of <paramref name="valueType"/> (e.g. <c>AWS::EC2::Subnet::Id</c>).</summary>
    ValueTask<bool> ExistsAsync(string valueType, string value, CancellationToken cancellationToken);

    /// <summary>
    /// An attribute of an existing resource for rules' <c>Fn::ValueOf</c>/<c>Fn::ValueOfAll</c>, e.g. a subnet's
    /// <c>VpcId</c> or <c>AvailabilityZone</c>, or <c>Tags.&lt;key&gt;</c>; null when unknown.
    /// </summary>
    ValueTask<string?> GetAttributeAsync(string valueType, string value, string attribute, CancellationToken cancellationToken);
}
