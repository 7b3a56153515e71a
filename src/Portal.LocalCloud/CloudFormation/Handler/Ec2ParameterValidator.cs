using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>Checks <c>AWS::EC2::VPC::Id</c>, <c>Subnet::Id</c> and <c>SecurityGroup::Id</c> parameter values against the EC2 store.</summary>
public sealed class Ec2ParameterValidator : IAwsParameterValidator
{
    private readonly CloudStateHolder _holder;
    private readonly string _accountId;
    private readonly string _region;

    public Ec2ParameterValidator(CloudStateHolder holder, string accountId, string region)
    {
        _holder = holder;
        _accountId = accountId;
        _region = region;
    }

    public ValueTask<bool> ExistsAsync(string valueType, string value, CancellationToken cancellationToken)
    {
        lock (_holder.Gate)
        {
            var ec2 = _holder.State.Account(_accountId).Region(_region).Ec2;
            ec2.EnsureDefaults(_region);
            var exists = valueType switch
            {
                "AWS::EC2::VPC::Id" => ec2.Vpcs.Any(v => v.VpcId == value),
                "AWS::EC2::Subnet::Id" => ec2.Subnets.Any(s => s.SubnetId == value),
                "AWS::EC2::SecurityGroup::Id" => ec2.SecurityGroups.Any(g => g.GroupId == value),
                "AWS::EC2::AvailabilityZone::Name" => Ec2.Ec2Store.Zones(_region).Contains(value),
                _ => true,
            };
            return ValueTask.FromResult(exists);
        }
    }

    public ValueTask<string?> GetAttributeAsync(string valueType, string value, string attribute, CancellationToken cancellationToken)
    {
        lock (_holder.Gate)
        {
            var ec2 = _holder.State.Account(_accountId).Region(_region).Ec2;
            string? result = (valueType, attribute) switch
            {
                ("AWS::EC2::Subnet::Id", "VpcId") => ec2.Subnets.FirstOrDefault(s => s.SubnetId == value)?.VpcId,
                ("AWS::EC2::Subnet::Id", "AvailabilityZone") => ec2.Subnets.FirstOrDefault(s => s.SubnetId == value)?.AvailabilityZone,
                ("AWS::EC2::SecurityGroup::Id", "VpcId") => ec2.SecurityGroups.FirstOrDefault(g => g.GroupId == value)?.VpcId,
                ("AWS::EC2::VPC::Id", "CidrBlock") => ec2.Vpcs.FirstOrDefault(v => v.VpcId == value)?.CidrBlock,
                (_, _) when attribute.StartsWith("Tags.", StringComparison.Ordinal) => TagsOf(ec2, value).FirstOrDefault(t => t.Key == attribute[5..])?.Value,
                _ => null,
            };
            return ValueTask.FromResult(result);
        }
    }

    private static IEnumerable<Tag> TagsOf(Ec2.Ec2Store ec2, string id) =>
        ec2.Vpcs.Where(v => v.VpcId == id).SelectMany(v => v.Tags)
            .Concat(ec2.Subnets.Where(s => s.SubnetId == id).SelectMany(s => s.Tags))
            .Concat(ec2.SecurityGroups.Where(g => g.GroupId == id).SelectMany(g => g.Tags));
}
