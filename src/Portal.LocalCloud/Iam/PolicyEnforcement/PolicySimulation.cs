using System.Globalization;
using System.Xml.Linq;
using Portal.LocalCloud.Iam.Policy;
using Portal.LocalCloud.Protocols;
using static Portal.LocalCloud.Protocols.Xml;

namespace Portal.LocalCloud.Iam.PolicyEnforcement;

/// <summary><c>iam:SimulatePrincipalPolicy</c> for roles, answered by <see cref="PolicySimulator"/> over the role's stored policies.</summary>
public static class PolicySimulation
{
    public static IReadOnlyList<XElement> Simulate(QueryInput input, IamStore iam)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(iam);
        var source = input.Required("PolicySourceArn");
        var actions = input.List("ActionNames");
        if (actions.Count == 0)
        {
            throw new ServiceException("ValidationError", "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null");
        }

        var role = iam.FindRoleByArn(source) ?? throw new ServiceException("NoSuchEntity", $"The role with ARN {source} cannot be found.", 404);
        var set = RolePolicySet.Load(iam, role.RoleName);
        var policies = set.Policies.ToList();
        var index = 1;
        foreach (var extra in input.List("PolicyInputList"))
        {
            policies.Add(new NamedPolicy("PolicyInputList." + index.ToString(CultureInfo.InvariantCulture), PolicySourceType.None, Parse(extra)));
            index++;
        }

        var boundary = input.List("PermissionsBoundaryPolicyInputList").FirstOrDefault() is { } given ? Parse(given) : set.PermissionsBoundary;
        var entries = input.Structures("ContextEntries").Select(e => new ContextEntry(
            e.GetValueOrDefault("ContextKeyName") ?? throw new ServiceException("ValidationError", "ContextKeyName is required."),
            e.Where(kv => kv.Key.StartsWith("ContextKeyValues.member.", StringComparison.Ordinal))
                .OrderBy(kv => int.Parse(kv.Key["ContextKeyValues.member.".Length..], CultureInfo.InvariantCulture))
                .Select(kv => kv.Value).ToList(),
            e.GetValueOrDefault("ContextKeyType") ?? "string")).ToList();
        var results = PolicySimulator.SimulatePrincipalPolicy(policies, actions, input.List("ResourceArns"), entries, boundary);
        return
        [
            List("EvaluationResults", "member", results, r =>
            [
                E("EvalActionName", r.EvalActionName),
                E("EvalResourceName", r.EvalResourceName),
                E("EvalDecision", r.EvalDecision),
                List("MatchedStatements", "member", r.MatchedStatements, m =>
                [
                    E("SourcePolicyId", m.SourcePolicyId),
                    E("SourcePolicyType", m.SourcePolicyType),
                    m.StartPosition is { } start ? E("StartPosition", E("Line", start.Line), E("Column", start.Column)) : null,
                    m.EndPosition is { } end ? E("EndPosition", E("Line", end.Line), E("Column", end.Column)) : null,
                ]),
                Strings("MissingContextValues", "member", r.MissingContextValues),
                E("EvalDecisionDetails"),
                E("ResourceSpecificResults"),
            ]),
            E("IsTruncated", "false"),
        ];
    }

    private static PolicyDocument Parse(string json)
    {
        try
        {
            return PolicyDocument.Parse(json);
        }
        catch (PolicyFormatException e)
        {
            throw new ServiceException("MalformedPolicyDocument", e.Message);
        }
    }
}
