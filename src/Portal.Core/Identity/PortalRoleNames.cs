namespace Portal.Core.Identity;

/// <summary>Display names and descriptions of the portal roles, for navigation and access-denied pages.</summary>
public static class PortalRoleNames
{
    public static string DisplayName(PortalRole role) => role switch
    {
        PortalRole.PlatformEngineer => "Platform engineer",
        PortalRole.DataScienceAdmin => "Data-science administrator",
        PortalRole.DataScientist => "Data scientist",
        PortalRole.SecurityAuditor => "Security auditor",
        _ => role.ToString(),
    };

    public static bool TryParse(string? value, out PortalRole role) =>
        Enum.TryParse(value, ignoreCase: true, out role) && Enum.IsDefined(role);
}
