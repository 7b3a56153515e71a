namespace Portal.LocalCloud.Iam.Policy;

/// <summary>Which policy type decided a denial; it selects the AccessDenied reason text.</summary>
public enum DenyingPolicyKind
{
    None,
    Identity,
    PermissionsBoundary,
    Session,
}
