using System.Text.RegularExpressions;
using Portal.Core.Projects;

namespace Portal.Core.Identity;

/// <summary>Turns the groups an identity provider asserts into a <see cref="PortalUser"/>.</summary>
public sealed class GroupMapper
{
    private readonly GroupMappingRules _rules;
    private readonly Regex _users;
    private readonly Regex _admins;

    public GroupMapper(GroupMappingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
        _users = TemplatePattern(rules.ProjectUsersTemplate);
        _admins = TemplatePattern(rules.ProjectAdminsTemplate);
    }

    /// <summary>
    /// Maps groups to roles and projects. Membership of a project's users group grants the data-scientist
    /// role in that project; of its admins group, the administrator role for it. Groups naming an invalid
    /// project are ignored.
    /// </summary>
    public PortalUser Map(string login, string name, IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var roles = new HashSet<PortalRole>();
        var projects = new HashSet<string>(StringComparer.Ordinal);
        var administered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()))
        {
            foreach (var (role, names) in _rules.RoleGroups)
            {
                if (names.Contains(group, StringComparer.OrdinalIgnoreCase))
                {
                    roles.Add(role);
                }
            }

            if (ProjectFrom(_users, group) is { } member)
            {
                projects.Add(member);
                roles.Add(PortalRole.DataScientist);
            }

            if (ProjectFrom(_admins, group) is { } admin)
            {
                administered.Add(admin);
                roles.Add(PortalRole.DataScienceAdmin);
            }
        }

        return new PortalUser(login, string.IsNullOrWhiteSpace(name) ? login : name, roles, projects, administered);
    }

    private static string? ProjectFrom(Regex pattern, string group)
    {
        var match = pattern.Match(group);
        return match.Success && ProjectName.Create(match.Groups["project"].Value.ToLowerInvariant()) is { IsSuccess: true } name
            ? name.Value.Value
            : null;
    }

    private static Regex TemplatePattern(string template)
    {
        if (string.IsNullOrWhiteSpace(template) || !template.Contains("{project}", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The project group template '{template}' must contain {{project}}.", nameof(template));
        }

        var parts = template.Split("{project}");
        var pattern = "^" + string.Join("(?<project>[A-Za-z0-9-]+)", parts.Select(Regex.Escape)) + "$";
        return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
    }
}
