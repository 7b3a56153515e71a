namespace Portal.Core.Identity;

/// <summary>A managed policy attached to a role.</summary>
public sealed record AttachedPolicy(string PolicyName, string PolicyArn);
