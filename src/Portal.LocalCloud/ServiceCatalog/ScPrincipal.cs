namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>A principal associated with a portfolio (<c>IAM</c> exact ARN or <c>IAM_PATTERN</c> with wildcards).</summary>
public sealed record ScPrincipal(string PrincipalArn, string PrincipalType);
