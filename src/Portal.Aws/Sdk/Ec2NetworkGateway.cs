using Amazon.EC2.Model;
using Portal.Aws.Configuration;
using Portal.Aws.Credentials;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Parameters;

namespace Portal.Aws.Sdk;

/// <summary>Availability zones, subnets and security groups over EC2.</summary>
internal sealed class Ec2NetworkGateway : INetworkGateway
{
    private readonly IAwsCredentialSource _credentials;
    private readonly AwsSdkClientFactory _clients;

    public Ec2NetworkGateway(IAwsCredentialSource credentials, AwsSdkClientFactory clients)
    {
        _credentials = credentials;
        _clients = clients;
    }

    public async Task<Result<IReadOnlyList<string>>> ListAvailabilityZonesAsync(ActingIdentity identity, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetCredentialsAsync(identity, cancellationToken).ConfigureAwait(false);
        if (!credentials.IsSuccess)
        {
            return credentials.Error!;
        }

        using var ec2 = _clients.CreateEc2(credentials.Value);
        var response = await AwsSdkCalls.RunAsync(AwsService.Ec2, "DescribeAvailabilityZones", () =>
            ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest(), cancellationToken)).ConfigureAwait(false);
        return response.Map(r => (IReadOnlyList<string>)(r.AvailabilityZones?.Select(z => z.ZoneName).ToList() ?? []));
    }

    public async Task<Result<IReadOnlyList<SubnetInfo>>> DescribeSubnetsAsync(ActingIdentity identity, IReadOnlyCollection<string> subnetIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subnetIds);
        if (subnetIds.Count == 0)
        {
            return Array.Empty<SubnetInfo>();
        }

        var credentials = await _credentials.GetCredentialsAsync(identity, cancellationToken).ConfigureAwait(false);
        if (!credentials.IsSuccess)
        {
            return credentials.Error!;
        }

        using var ec2 = _clients.CreateEc2(credentials.Value);
        var response = await AwsSdkCalls.RunAsync(AwsService.Ec2, "DescribeSubnets", () =>
            ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [.. subnetIds] }, cancellationToken)).ConfigureAwait(false);
        return response.Map(r => (IReadOnlyList<SubnetInfo>)(r.Subnets?.Select(s => new SubnetInfo(s.SubnetId, s.VpcId, s.AvailabilityZone, s.CidrBlock, s.MapPublicIpOnLaunch ?? false)).ToList() ?? []));
    }

    public async Task<Result<IReadOnlyList<SecurityGroupInfo>>> DescribeSecurityGroupsAsync(ActingIdentity identity, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        if (groupIds.Count == 0)
        {
            return Array.Empty<SecurityGroupInfo>();
        }

        var credentials = await _credentials.GetCredentialsAsync(identity, cancellationToken).ConfigureAwait(false);
        if (!credentials.IsSuccess)
        {
            return credentials.Error!;
        }

        using var ec2 = _clients.CreateEc2(credentials.Value);
        var response = await AwsSdkCalls.RunAsync(AwsService.Ec2, "DescribeSecurityGroups", () =>
            ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [.. groupIds] }, cancellationToken)).ConfigureAwait(false);
        return response.Map(r => (IReadOnlyList<SecurityGroupInfo>)(r.SecurityGroups?.Select(g => new SecurityGroupInfo(g.GroupId, g.GroupName, g.VpcId, g.Description)).ToList() ?? []));
    }
}
