using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;
using Portal.LocalCloud.State;
using static Portal.LocalCloud.Protocols.Xml;

namespace Portal.LocalCloud.Iam;

/// <summary>IAM in the Query protocol (roles, inline and managed policies, attachments, tags).</summary>
public sealed class IamHandler : IQueryService
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Simulate"];
    private readonly IPolicySimulator? _simulator;

    public IamHandler(IEnumerable<IPolicySimulator> simulators)
    {
        ArgumentNullException.ThrowIfNull(simulators);
        _simulator = simulators.LastOrDefault();
    }

    public string SigningName => "iam";

    public WireProtocol Protocol => WireProtocol.Query;

    public string XmlNamespace => "https://iam.amazonaws.com/doc/2010-05-08/";

    public bool IsReadOnly(string operation) => ReadPrefixes.Any(p => operation.StartsWith(p, StringComparison.Ordinal));

    public IReadOnlyList<XElement>? Invoke(string operation, QueryInput input, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var iam = context.Account.Iam;
        switch (operation)
        {
            case "CreateRole":
            {
                var role = iam.CreateRole(
                    context.AccountId,
                    input.Required("RoleName"),
                    input.Get("Path") ?? "/",
                    input.Required("AssumeRolePolicyDocument"),
                    input.Get("Description"),
                    input.Int("MaxSessionDuration"),
                    input.Get("PermissionsBoundary"),
                    Tags(input),
                    context.Now);
                return [Role(role)];
            }

            case "CreateInstanceProfile":
                return [InstanceProfile(iam.CreateInstanceProfile(context.AccountId, input.Required("InstanceProfileName"), input.Get("Path") ?? "/", Tags(input), context.Now), iam)];
            case "GetInstanceProfile":
                return [InstanceProfile(iam.GetInstanceProfile(input.Required("InstanceProfileName")), iam)];
            case "ListInstanceProfiles":
                return Page(input, iam.ListInstanceProfiles(input.Get("PathPrefix")).ToList(), "InstanceProfiles", p => InstanceProfile(p, iam));
            case "ListInstanceProfilesForRole":
                return Page(input, iam.ListInstanceProfilesForRole(input.Required("RoleName")).ToList(), "InstanceProfiles", p => InstanceProfile(p, iam));
            case "AddRoleToInstanceProfile":
                iam.AddRoleToInstanceProfile(input.Required("InstanceProfileName"), input.Required("RoleName"));
                return null;
            case "RemoveRoleFromInstanceProfile":
                iam.RemoveRoleFromInstanceProfile(input.Required("InstanceProfileName"), input.Required("RoleName"));
                return null;
            case "DeleteInstanceProfile":
                iam.DeleteInstanceProfile(input.Required("InstanceProfileName"));
                return null;
            case "GetRole":
                return [Role(iam.GetRole(input.Required("RoleName")))];
            case "ListRoles":
                return Page(input, iam.ListRoles(input.Get("PathPrefix")).ToList(), "Roles", Role);
            case "DeleteRole":
                iam.DeleteRole(input.Required("RoleName"));
                return null;
            case "UpdateRole":
                iam.UpdateRole(input.Required("RoleName"), input.Get("Description"), input.Int("MaxSessionDuration"));
                return [];
            case "UpdateAssumeRolePolicy":
                iam.UpdateAssumeRolePolicy(input.Required("RoleName"), input.Required("PolicyDocument"));
                return null;
            case "TagRole":
                iam.TagRole(input.Required("RoleName"), Tags(input));
                return null;
            case "UntagRole":
                iam.UntagRole(input.Required("RoleName"), input.List("TagKeys"));
                return null;
            case "ListRoleTags":
                return Page(input, iam.GetRole(input.Required("RoleName")).Tags, "Tags", t => E("member", E("Key", t.Key), E("Value", t.Value)));
            case "PutRolePolicy":
                iam.PutRolePolicy(input.Required("RoleName"), input.Required("PolicyName"), input.Required("PolicyDocument"));
                return null;
            case "GetRolePolicy":
            {
                var roleName = input.Required("RoleName");
                var policy = iam.GetRolePolicy(roleName, input.Required("PolicyName"));
                return [E("RoleName", iam.GetRole(roleName).RoleName), E("PolicyName", policy.PolicyName), E("PolicyDocument", Uri.EscapeDataString(policy.PolicyDocument))];
            }

            case "ListRolePolicies":
                return Page(input, iam.GetRole(input.Required("RoleName")).InlinePolicies.Select(p => p.PolicyName).ToList(), "PolicyNames", n => E("member", n));
            case "DeleteRolePolicy":
                iam.DeleteRolePolicy(input.Required("RoleName"), input.Required("PolicyName"));
                return null;
            case "CreatePolicy":
            {
                var policy = iam.CreatePolicy(context.AccountId, input.Required("PolicyName"), input.Get("Path") ?? "/", input.Required("PolicyDocument"), input.Get("Description"), context.Now);
                return [Policy("Policy", policy, iam)];
            }

            case "GetPolicy":
                return [Policy("Policy", iam.GetPolicy(input.Required("PolicyArn")), iam)];
            case "GetPolicyVersion":
            {
                var policy = iam.GetPolicy(input.Required("PolicyArn"));
                var versionId = input.Required("VersionId");
                var version = policy.Versions.FirstOrDefault(v => v.VersionId == versionId)
                    ?? throw new ServiceException("NoSuchEntity", $"Policy {policy.Arn} version {versionId} does not exist or is not attachable.", 404);
                return [E("PolicyVersion", E("Document", Uri.EscapeDataString(version.Document)), E("VersionId", version.VersionId), E("IsDefaultVersion", version.VersionId == policy.DefaultVersionId ? "true" : "false"), E("CreateDate", AwsTime.Iso(version.CreateDate)))];
            }

            case "ListPolicies":
            {
                var scope = input.Get("Scope") ?? "All";
                var onlyAttached = input.Bool("OnlyAttached") ?? false;
                var policies = scope == "AWS"
                    ? []
                    : iam.Policies.Values
                        .Where(p => input.Get("PathPrefix") is not { } prefix || p.Path.StartsWith(prefix, StringComparison.Ordinal))
                        .Where(p => !onlyAttached || iam.AttachmentCount(p.Arn) > 0)
                        .OrderBy(p => p.PolicyName, StringComparer.Ordinal)
                        .ToList();
                return Page(input, policies, "Policies", p => Policy("member", p, iam));
            }

            case "DeletePolicy":
                iam.DeletePolicy(input.Required("PolicyArn"));
                return null;
            case "AttachRolePolicy":
                iam.AttachRolePolicy(input.Required("RoleName"), input.Required("PolicyArn"));
                return null;
            case "DetachRolePolicy":
                iam.DetachRolePolicy(input.Required("RoleName"), input.Required("PolicyArn"));
                return null;
            case "ListAttachedRolePolicies":
                return Page(
                    input,
                    iam.GetRole(input.Required("RoleName")).AttachedPolicyArns.Where(a => input.Get("PathPrefix") is not { } prefix || a.Contains(":policy" + prefix, StringComparison.Ordinal)).ToList(),
                    "AttachedPolicies",
                    arn => E("member", E("PolicyName", iam.Policies.TryGetValue(arn, out var p) ? p.PolicyName : IamStore.PolicyNameOf(arn)), E("PolicyArn", arn)));
            case "SimulatePrincipalPolicy":
                // A registered simulator (tests, other evaluators) wins; otherwise the built-in policy evaluator answers.
                return _simulator is not null ? Simulate(input, context) : PolicyEnforcement.PolicySimulation.Simulate(input, iam);
            default:
                throw new ServiceException("InvalidAction", $"Could not find operation {operation} for version 2010-05-08");
        }
    }

    private List<XElement> Simulate(QueryInput input, RequestContext context)
    {
        var source = input.Required("PolicySourceArn");
        var actions = input.List("ActionNames");
        if (actions.Count == 0)
        {
            throw new ServiceException("ValidationError", "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null");
        }

        var match = System.Text.RegularExpressions.Regex.Match(source, @"^arn:aws:iam::(\d{12}):role/(?:.*/)?([\w+=,.@-]+)$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            throw new ServiceException("InvalidInput", $"Invalid ARN {source}: LocalCloud simulates role principals only.");
        }

        var policies = context.State.Account(match.Groups[1].Value).Iam.GetRolePolicies(match.Groups[2].Value);
        if (_simulator is null)
        {
            throw new ServiceException("NotImplemented", "LocalCloud does not evaluate IAM policies yet: SimulatePrincipalPolicy is not implemented.", 501);
        }

        var resources = input.List("ResourceArns");
        var contextEntries = input.Structures("ContextEntries")
            .Where(e => e.ContainsKey("ContextKeyName"))
            .GroupBy(e => e["ContextKeyName"])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.SelectMany(e => e.Where(p => p.Key.StartsWith("ContextKeyValues.", StringComparison.Ordinal)).Select(p => p.Value)).ToList(), StringComparer.Ordinal);
        var results = _simulator.Simulate(policies, actions, resources.Count == 0 ? ["*"] : resources, contextEntries);
        return
        [
            E("EvaluationResults", results.Select(r => E(
                "member",
                E("EvalActionName", r.EvalActionName),
                E("EvalResourceName", r.EvalResourceName),
                E("EvalDecision", r.EvalDecision),
                Xml.List("MatchedStatements", "member", r.MatchedStatementIds, id => [E("SourcePolicyId", id), E("SourcePolicyType", "IAM Policy")]),
                Strings("MissingContextValues", "member", r.MissingContextValues)))),
            E("IsTruncated", "false"),
        ];
    }

    private static List<Tag> Tags(QueryInput input) =>
        input.Structures("Tags").Select(t => new Tag(t.GetValueOrDefault("Key") ?? string.Empty, t.GetValueOrDefault("Value") ?? string.Empty)).ToList();

    private static XElement Role(IamRole role) => E(
        "Role",
        E("Path", role.Path),
        E("RoleName", role.RoleName),
        E("RoleId", role.RoleId),
        E("Arn", role.Arn),
        E("CreateDate", AwsTime.Iso(role.CreateDate)),
        E("AssumeRolePolicyDocument", Uri.EscapeDataString(role.AssumeRolePolicyDocument)),
        Opt("Description", role.Description),
        E("MaxSessionDuration", role.MaxSessionDuration.ToString(CultureInfo.InvariantCulture)),
        role.PermissionsBoundaryArn is { } boundary
            ? E("PermissionsBoundary", E("PermissionsBoundaryType", "Policy"), E("PermissionsBoundaryArn", boundary))
            : null,
        role.Tags.Count > 0 ? List("Tags", "member", role.Tags, t => [E("Key", t.Key), E("Value", t.Value)]) : null,
        E("RoleLastUsed"));

    private static XElement InstanceProfile(IamInstanceProfile profile, IamStore iam) => E(
        "InstanceProfile",
        E("Path", profile.Path),
        E("InstanceProfileName", profile.InstanceProfileName),
        E("InstanceProfileId", profile.InstanceProfileId),
        E("Arn", profile.Arn),
        E("CreateDate", AwsTime.Iso(profile.CreateDate)),
        new XElement("Roles", profile.RoleNames.Select(iam.GetRole).Select(r =>
        {
            var e = Role(r);
            e.Name = "member";
            return e;
        })),
        profile.Tags.Count > 0 ? List("Tags", "member", profile.Tags, t => [E("Key", t.Key), E("Value", t.Value)]) : null);

    private static XElement Policy(string name, IamManagedPolicy policy, IamStore iam) => E(
        name,
        E("PolicyName", policy.PolicyName),
        E("PolicyId", policy.PolicyId),
        E("Arn", policy.Arn),
        E("Path", policy.Path),
        E("DefaultVersionId", policy.DefaultVersionId),
        E("AttachmentCount", iam.AttachmentCount(policy.Arn).ToString(CultureInfo.InvariantCulture)),
        E("PermissionsBoundaryUsageCount", "0"),
        E("IsAttachable", "true"),
        Opt("Description", policy.Description),
        E("CreateDate", AwsTime.Iso(policy.CreateDate)),
        E("UpdateDate", AwsTime.Iso(policy.UpdateDate)));

    /// <summary>IAM paging: <c>Marker</c> in, <c>IsTruncated</c> + <c>Marker</c> out, <c>MaxItems</c> 1–1000 (default 100).</summary>
    private static List<XElement> Page<T>(QueryInput input, IReadOnlyList<T> items, string listName, Func<T, XElement> render)
    {
        var max = input.Int("MaxItems") ?? 100;
        if (max is < 1 or > 1000)
        {
            throw new ServiceException("ValidationError", $"1 validation error detected: Value '{max}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
        }

        var start = 0;
        if (input.Get("Marker") is { } marker)
        {
            try
            {
                start = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(marker)), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw new ServiceException("InvalidInput", "Invalid Marker.");
            }
        }

        var page = items.Skip(start).Take(max).ToList();
        var truncated = start + page.Count < items.Count;
        var result = new List<XElement>
        {
            new(listName, page.Select(i =>
            {
                var e = render(i);
                e.Name = "member";
                return e;
            })),
            E("IsTruncated", truncated ? "true" : "false"),
        };
        if (truncated)
        {
            result.Add(E("Marker", Convert.ToBase64String(Encoding.UTF8.GetBytes((start + page.Count).ToString(CultureInfo.InvariantCulture)))));
        }

        return result;
    }
}
