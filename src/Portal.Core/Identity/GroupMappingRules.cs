namespace Portal.Core.Identity;

/// <summary>
/// How identity-provider groups become portal roles and project memberships. Group names are compared
/// case-insensitively. Project templates contain <c>{project}</c>, e.g. <c>ds-{project}-users</c>.
/// </summary>
public sealed record GroupMappingRules(
    IReadOnlyDictionary<PortalRole, IReadOnlyList<string>> RoleGroups,
    string ProjectUsersTemplate = "ds-{project}-users",
    string ProjectAdminsTemplate = "ds-{project}-admins");
