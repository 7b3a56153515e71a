using System.Globalization;
using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Iam;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.CloudFormation.Provisioners;

/// <summary>IAM roles, inline policies, managed policies and instance profiles, stored where the policy evaluator reads them.</summary>
public sealed partial class StoreResourceProvisioner
{
    private ProvisioningResult CreateRole(ResourceRequest request)
    {
        var p = request.Properties;
        var inline = InlinePolicies(p);
        var trust = Document(p["AssumeRolePolicyDocument"]) ?? throw new ServiceException("InvalidRequest", "AssumeRolePolicyDocument is required.");
        IamStore.ValidatePolicyDocument(trust);
        foreach (var (_, document) in inline)
        {
            IamStore.ValidatePolicyDocument(document);
        }

        var iam = Account.Iam;
        var name = request.NameOrGenerated();
        var role = iam.CreateRole(_accountId, name, Str(p, "Path") ?? "/", trust, Str(p, "Description"), MaxSession(p), Str(p, "PermissionsBoundary"), Tags(request), Now);
        try
        {
            foreach (var (policyName, document) in inline)
            {
                iam.PutRolePolicy(name, policyName, document);
            }

            foreach (var arn in Strings(p, "ManagedPolicyArns"))
            {
                iam.AttachRolePolicy(name, arn);
            }
        }
        catch (ServiceException)
        {
            role.InlinePolicies.Clear();
            role.AttachedPolicyArns.Clear();
            iam.DeleteRole(name);
            throw;
        }

        return RoleResult(request, role);
    }

    private ProvisioningResult UpdateRole(ResourceRequest request)
    {
        var p = request.Properties;
        var iam = Account.Iam;
        var role = iam.GetRole(request.PhysicalId!);
        var inline = InlinePolicies(p);
        var trust = Document(p["AssumeRolePolicyDocument"]) ?? role.AssumeRolePolicyDocument;
        IamStore.ValidatePolicyDocument(trust);
        foreach (var (_, document) in inline)
        {
            IamStore.ValidatePolicyDocument(document);
        }

        iam.UpdateAssumeRolePolicy(role.RoleName, trust);
        iam.UpdateRole(role.RoleName, Str(p, "Description") ?? string.Empty, MaxSession(p) ?? 3600);
        role.PermissionsBoundaryArn = Str(p, "PermissionsBoundary");
        var previous = request.PreviousProperties is null ? [] : InlinePolicies(request.PreviousProperties).Select(x => x.Name).ToList();
        foreach (var removed in previous.Where(n => inline.All(x => x.Name != n)))
        {
            if (role.InlinePolicies.Any(x => x.PolicyName == removed))
            {
                iam.DeleteRolePolicy(role.RoleName, removed);
            }
        }

        foreach (var (policyName, document) in inline)
        {
            iam.PutRolePolicy(role.RoleName, policyName, document);
        }

        var managed = Strings(p, "ManagedPolicyArns");
        var previousManaged = request.PreviousProperties is null ? [] : Strings(request.PreviousProperties, "ManagedPolicyArns");
        foreach (var arn in previousManaged.Except(managed))
        {
            if (role.AttachedPolicyArns.Contains(arn))
            {
                iam.DetachRolePolicy(role.RoleName, arn);
            }
        }

        foreach (var arn in managed)
        {
            iam.AttachRolePolicy(role.RoleName, arn);
        }

        role.Tags = Tags(request);
        return RoleResult(request, role);
    }

    private ProvisioningResult DeleteRole(ResourceRequest request)
    {
        var iam = Account.Iam;
        if (iam.Roles.Values.FirstOrDefault(r => r.RoleName == request.PhysicalId) is not { } role)
        {
            return Deleted(request);
        }

        var own = InlinePolicies(request.Properties).Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
        var managed = Strings(request.Properties, "ManagedPolicyArns");
        role.InlinePolicies.RemoveAll(x => own.Contains(x.PolicyName));
        role.AttachedPolicyArns.RemoveAll(managed.Contains);
        iam.DeleteRole(role.RoleName);
        return Deleted(request);
    }

    private static ProvisioningResult RoleResult(ResourceRequest request, IamRole role) =>
        Described(request, role.RoleName, role.RoleId.Length > 4 ? role.RoleId[4..] : role.RoleId, role.CreateDate,
            new Dictionary<string, JsonNode?> { ["Arn"] = role.Arn, ["RoleId"] = role.RoleId }, role.RoleName);

    private ProvisioningResult PutInlinePolicy(ResourceRequest request, JsonObject? previous)
    {
        var p = request.Properties;
        var name = Required(p, "PolicyName");
        var document = Document(p["PolicyDocument"]) ?? throw new ServiceException("InvalidRequest", "PolicyDocument is required.");
        IamStore.ValidatePolicyDocument(document);
        var roles = Strings(p, "Roles");
        var iam = Account.Iam;
        foreach (var role in roles)
        {
            iam.GetRole(role);
        }

        if (previous is not null)
        {
            var oldName = Str(previous, "PolicyName");
            foreach (var role in Strings(previous, "Roles"))
            {
                if (oldName is not null && (oldName != name || !roles.Contains(role))
                    && iam.Roles.Values.FirstOrDefault(r => r.RoleName == role) is { } old && old.InlinePolicies.Any(x => x.PolicyName == oldName))
                {
                    iam.DeleteRolePolicy(role, oldName);
                }
            }
        }

        foreach (var role in roles)
        {
            iam.PutRolePolicy(role, name, document);
        }

        var physical = request.PhysicalId ?? request.NameOrGenerated();
        return Described(request, physical, physical, Now, physicalId: physical);
    }

    private ProvisioningResult DeleteInlinePolicy(ResourceRequest request)
    {
        var name = Str(request.Properties, "PolicyName");
        var iam = Account.Iam;
        foreach (var role in Strings(request.Properties, "Roles"))
        {
            if (name is not null && iam.Roles.Values.FirstOrDefault(r => r.RoleName == role) is { } found && found.InlinePolicies.Any(x => x.PolicyName == name))
            {
                iam.DeleteRolePolicy(role, name);
            }
        }

        return Deleted(request);
    }

    private ProvisioningResult CreateManagedPolicy(ResourceRequest request)
    {
        var p = request.Properties;
        var document = Document(p["PolicyDocument"]) ?? throw new ServiceException("InvalidRequest", "PolicyDocument is required.");
        var iam = Account.Iam;
        var roles = Strings(p, "Roles");
        foreach (var role in roles)
        {
            iam.GetRole(role);
        }

        var policy = iam.CreatePolicy(_accountId, request.NameOrGenerated(), Str(p, "Path") ?? "/", document, Str(p, "Description"), Now);
        foreach (var role in roles)
        {
            iam.AttachRolePolicy(role, policy.Arn);
        }

        return ManagedResult(request, policy);
    }

    private ProvisioningResult UpdateManagedPolicy(ResourceRequest request)
    {
        var p = request.Properties;
        var iam = Account.Iam;
        var policy = iam.GetPolicy(request.PhysicalId!);
        var document = Document(p["PolicyDocument"]) ?? policy.DefaultDocument;
        IamStore.ValidatePolicyDocument(document);
        if (document != policy.DefaultDocument)
        {
            var version = "v" + (policy.Versions.Count + 1).ToString(CultureInfo.InvariantCulture);
            policy.Versions.Add(new IamPolicyVersion(version, document, Now));
            policy.DefaultVersionId = version;
            policy.UpdateDate = Now;
        }

        var roles = Strings(p, "Roles");
        foreach (var role in iam.Roles.Values.Where(r => r.AttachedPolicyArns.Contains(policy.Arn) && !roles.Contains(r.RoleName)))
        {
            role.AttachedPolicyArns.Remove(policy.Arn);
        }

        foreach (var role in roles)
        {
            iam.AttachRolePolicy(role, policy.Arn);
        }

        return ManagedResult(request, policy);
    }

    private ProvisioningResult DeleteManagedPolicy(ResourceRequest request)
    {
        var iam = Account.Iam;
        if (!iam.Policies.Values.Any(x => x.Arn == request.PhysicalId))
        {
            return Deleted(request);
        }

        foreach (var role in iam.Roles.Values)
        {
            role.AttachedPolicyArns.Remove(request.PhysicalId!);
        }

        iam.DeletePolicy(request.PhysicalId!);
        return Deleted(request);
    }

    private ProvisioningResult ManagedResult(ResourceRequest request, IamManagedPolicy policy) =>
        Described(request, policy.PolicyName, policy.PolicyId.Length > 4 ? policy.PolicyId[4..] : policy.PolicyId, policy.CreateDate,
            new Dictionary<string, JsonNode?>
            {
                ["PolicyArn"] = policy.Arn,
                ["PolicyId"] = policy.PolicyId,
                ["DefaultVersionId"] = policy.DefaultVersionId,
                ["AttachmentCount"] = Account.Iam.AttachmentCount(policy.Arn),
            },
            policy.Arn);

    private static List<(string Name, string Document)> InlinePolicies(JsonObject properties) =>
        properties["Policies"] is JsonArray array
            ? array.OfType<JsonObject>().Select(x => (
                Required(x, "PolicyName"),
                Document(x["PolicyDocument"]) ?? throw new ServiceException("InvalidRequest", "PolicyDocument is required."))).ToList()
            : [];

    private static int? MaxSession(JsonObject properties) =>
        Str(properties, "MaxSessionDuration") is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    private ProvisioningResult CreateInstanceProfile(ResourceRequest request)
    {
        var role = ProfileRole(request.Properties);
        var iam = Account.Iam;
        iam.GetRole(role);
        var profile = iam.CreateInstanceProfile(_accountId, request.NameOrGenerated(), Str(request.Properties, "Path") ?? "/", [], Now);
        iam.AddRoleToInstanceProfile(profile.InstanceProfileName, role);
        return InstanceProfileResult(request, profile);
    }

    private ProvisioningResult UpdateInstanceProfile(ResourceRequest request)
    {
        var role = ProfileRole(request.Properties);
        var iam = Account.Iam;
        iam.GetRole(role);
        var profile = iam.GetInstanceProfile(request.PhysicalId!);
        profile.RoleNames.Clear();
        iam.AddRoleToInstanceProfile(profile.InstanceProfileName, role);
        return InstanceProfileResult(request, profile);
    }

    private ProvisioningResult DeleteInstanceProfile(ResourceRequest request)
    {
        var iam = Account.Iam;
        if (iam.InstanceProfiles.Values.FirstOrDefault(p => p.InstanceProfileName == request.PhysicalId) is { } profile)
        {
            profile.RoleNames.Clear();
            iam.DeleteInstanceProfile(profile.InstanceProfileName);
            return Deleted(request);
        }

        // A stack created before instance profiles were IAM state holds a record.
        return DeleteRecord(request);
    }

    /// <summary>The one role of an instance profile (IAM allows exactly one per profile).</summary>
    private static string ProfileRole(JsonObject properties) =>
        Strings(properties, "Roles") is [var role]
            ? role
            : throw new ServiceException("InvalidRequest", "Property Roles must name exactly one role (an instance profile holds one role).");

    private static ProvisioningResult InstanceProfileResult(ResourceRequest request, IamInstanceProfile profile) =>
        Described(request, profile.InstanceProfileName, profile.InstanceProfileId[4..], profile.CreateDate,
            new Dictionary<string, JsonNode?> { ["Arn"] = profile.Arn }, profile.InstanceProfileName);
}
