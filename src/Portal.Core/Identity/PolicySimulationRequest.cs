namespace Portal.Core.Identity;

/// <summary>Which actions to simulate for a principal, on which resources, with which condition values.</summary>
public sealed record PolicySimulationRequest(
    string PrincipalArn,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string>? ResourceArns = null,
    IReadOnlyList<PolicyContextEntry>? Context = null);
