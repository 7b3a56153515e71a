namespace Portal.LocalCloud.Iam.Policy;

/// <summary>A 1-based line and column in a policy document (SimulatePrincipalPolicy's StartPosition/EndPosition).</summary>
public sealed record PolicyPosition(int Line, int Column);
