namespace Portal.Core.Catalog;

/// <summary>A principal given access to a portfolio. Type is IAM or IAM_PATTERN.</summary>
public sealed record PortfolioPrincipal(string PrincipalArn, string PrincipalType);
