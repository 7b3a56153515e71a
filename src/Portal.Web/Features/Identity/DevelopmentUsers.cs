using Portal.Core.Identity;

namespace Portal.Web.Features.Identity;

/// <summary>The demo users offered by the development sign-in: one per persona, plus a second data scientist in another project.</summary>
public static class DevelopmentUsers
{
    public static IReadOnlyList<DevelopmentUser> All { get; } =
    [
        new("pat", "Pat Platform", "Platform engineer: deploys the foundation, publishes the environment product, sets guardrails.",
            [PortalRole.PlatformEngineer], [], []),
        new("ada", "Ada Admin", "Data-science administrator of project credit-risk: creates environments, publishes notebook products.",
            [PortalRole.DataScienceAdmin], ["credit-risk"], ["credit-risk"]),
        new("dana", "Dana Scientist", "Data scientist in project credit-risk: launches and uses notebooks and jobs.",
            [PortalRole.DataScientist], ["credit-risk"], []),
        new("sam", "Sam Scientist", "Data scientist in project fraud-detection: cannot see credit-risk.",
            [PortalRole.DataScientist], ["fraud-detection"], []),
        new("avery", "Avery Auditor", "Security auditor: reads the audit trail and compliance posture, changes nothing.",
            [PortalRole.SecurityAuditor], [], []),
    ];

    public static DevelopmentUser? Find(string? login) =>
        All.FirstOrDefault(u => string.Equals(u.Login, login, StringComparison.Ordinal));
}
