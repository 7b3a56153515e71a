using Portal.LocalCloud.Iam.Policy;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.Iam.PolicyEnforcement;

/// <summary>A role's identity policies (inline and managed, AWS-managed ones from <see cref="AwsManagedPolicies"/>) and permissions boundary, parsed for the evaluator.</summary>
public sealed record RolePolicySet(IamRole Role, IReadOnlyList<NamedPolicy> Policies, PolicyDocument? PermissionsBoundary)
{
    public static RolePolicySet Load(IamStore iam, string roleName)
    {
        ArgumentNullException.ThrowIfNull(iam);
        var stored = iam.GetRolePolicies(roleName);
        var policies = new List<NamedPolicy>();
        policies.AddRange(stored.Inline.Select(p => new NamedPolicy(p.Name, PolicySourceType.Role, Parse(p.Document!))));
        foreach (var managed in stored.Managed)
        {
            if (Resolve(managed) is { } policy)
            {
                policies.Add(policy);
            }
        }

        var boundary = stored.PermissionsBoundary is { } b ? Resolve(b)?.Document : null;
        return new RolePolicySet(stored.Role, policies, boundary);
    }

    private static NamedPolicy? Resolve(PolicyDocumentReference reference) =>
        reference.Document is { } document
            ? new NamedPolicy(reference.Name, PolicySourceType.UserManaged, Parse(document))
            : reference.Arn is { } arn ? AwsManagedPolicies.Find(arn) : null;

    private static PolicyDocument Parse(string document)
    {
        try
        {
            return PolicyDocument.ParseCached(document);
        }
        catch (PolicyFormatException e)
        {
            throw new ServiceException("MalformedPolicyDocument", e.Message);
        }
    }
}
