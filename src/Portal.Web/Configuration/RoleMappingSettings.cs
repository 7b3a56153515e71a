namespace Portal.Web.Configuration;

/// <summary>
/// Identity-provider groups per portal role. When none is configured at all, the defaults are
/// <c>portal-platform-engineers</c>, <c>portal-ds-admins</c>, <c>portal-data-scientists</c> and <c>portal-auditors</c>.
/// </summary>
public sealed class RoleMappingSettings
{
    public List<string> PlatformEngineer { get; set; } = [];

    public List<string> DataScienceAdmin { get; set; } = [];

    public List<string> DataScientist { get; set; } = [];

    public List<string> SecurityAuditor { get; set; } = [];

    public bool IsEmpty => PlatformEngineer.Count + DataScienceAdmin.Count + DataScientist.Count + SecurityAuditor.Count == 0;
}
