namespace Portal.Core.Identity;

/// <summary>The portal's personas. A user may hold several.</summary>
public enum PortalRole
{
    /// <summary>Deploys the platform foundation and publishes the environment product.</summary>
    PlatformEngineer,

    /// <summary>Creates project environments, publishes notebook products, rolls out versions.</summary>
    DataScienceAdmin,

    /// <summary>Launches and uses notebooks and jobs in the projects they belong to.</summary>
    DataScientist,

    /// <summary>Reviews audit trail and compliance posture; read-only everywhere.</summary>
    SecurityAuditor,
}
