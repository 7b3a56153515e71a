namespace Portal.LocalCloud.Iam;

/// <summary>Everything a policy evaluator needs about a role: trust policy, boundary, inline and managed policies.</summary>
public sealed record RolePolicies(
    IamRole Role,
    IReadOnlyList<PolicyDocumentReference> Inline,
    IReadOnlyList<PolicyDocumentReference> Managed,
    PolicyDocumentReference? PermissionsBoundary);
