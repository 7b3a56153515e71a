using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Parameters;

/// <summary>Reads the network settings a project environment shows (subnets, security groups) and the region's zones.</summary>
public interface INetworkGateway
{
    Task<Result<IReadOnlyList<string>>> ListAvailabilityZonesAsync(ActingIdentity identity, CancellationToken cancellationToken);

    Task<Result<IReadOnlyList<SubnetInfo>>> DescribeSubnetsAsync(ActingIdentity identity, IReadOnlyCollection<string> subnetIds, CancellationToken cancellationToken);

    Task<Result<IReadOnlyList<SecurityGroupInfo>>> DescribeSecurityGroupsAsync(ActingIdentity identity, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken);
}
