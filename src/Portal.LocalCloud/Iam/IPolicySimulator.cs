namespace Portal.LocalCloud.Iam;

/// <summary>
/// The seam for <c>iam:SimulatePrincipalPolicy</c>: given a role's policies, decide each action on each
/// resource. Register an implementation (the policy evaluator in <c>Iam/Policy/</c>) and IamHandler uses
/// it; without one the operation answers <c>NotImplemented</c>.
/// </summary>
public interface IPolicySimulator
{
    IReadOnlyList<PolicySimulationResult> Simulate(
        RolePolicies policies,
        IReadOnlyList<string> actionNames,
        IReadOnlyList<string> resourceArns,
        IReadOnlyDictionary<string, IReadOnlyList<string>> contextEntries);
}
