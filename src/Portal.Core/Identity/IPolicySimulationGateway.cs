using Portal.Core.Common;

namespace Portal.Core.Identity;

/// <summary>Asks the cloud's policy evaluator what a principal's policies allow (preventive-control verification).</summary>
public interface IPolicySimulationGateway
{
    Task<Result<IReadOnlyList<PolicySimulationResult>>> SimulateAsync(ActingIdentity identity, PolicySimulationRequest request, CancellationToken cancellationToken);
}
