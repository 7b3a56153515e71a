namespace Portal.Core.Identity;

/// <summary>
/// The configured cloud role of an account-wide persona (PlatformEngineer, DataScienceAdministrator,
/// SecurityAuditor, …). Project roles come from each project's stack outputs instead.
/// </summary>
public interface IPersonaRoleDirectory
{
    /// <summary>The role ARN configured for the persona, or null when none is (the portal then acts as itself).</summary>
    string? FindRoleArn(string persona);
}
