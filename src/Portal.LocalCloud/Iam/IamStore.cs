using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Iam;

/// <summary>
/// IAM state of one account (IAM is global: no region). Roles are keyed by lower-case name because
/// AWS treats role names case-insensitively for uniqueness. <see cref="GetRolePolicies"/> is the access
/// point for a policy evaluator.
/// </summary>
public sealed class IamStore
{
    private static readonly Regex NamePattern = new(@"^[\w+=,.@-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex PathPattern = new(@"^(/|/[\u0021-\u007E]+/)$", RegexOptions.CultureInvariant);

    public Dictionary<string, IamRole> Roles { get; set; } = [];

    /// <summary>Customer managed policies by ARN.</summary>
    public Dictionary<string, IamManagedPolicy> Policies { get; set; } = [];

    /// <summary>Instance profiles by lower-case name (names are case-insensitive for uniqueness, as for roles).</summary>
    public Dictionary<string, IamInstanceProfile> InstanceProfiles { get; set; } = [];

    public IamRole CreateRole(string accountId, string roleName, string path, string trustPolicy, string? description, int? maxSessionDuration, string? boundaryArn, IReadOnlyList<Tag> tags, DateTimeOffset now)
    {
        ValidateName("roleName", roleName, 64);
        ValidatePath(path);
        ValidatePolicyDocument(trustPolicy);
        if (maxSessionDuration is < 3600 or > 43200)
        {
            throw Validation($"1 validation error detected: Value '{maxSessionDuration}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and 43200");
        }

        if (description is { Length: > 1000 })
        {
            throw Validation("1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 1000");
        }

        ValidateTags(tags);
        if (Roles.ContainsKey(roleName.ToLowerInvariant()))
        {
            throw new ServiceException("EntityAlreadyExists", $"Role with name {roleName} already exists.", 409);
        }

        if (boundaryArn is not null)
        {
            RequirePolicyArn(boundaryArn);
        }

        var role = new IamRole
        {
            RoleName = roleName,
            RoleId = IdGenerator.Uppercase("AROA", 17),
            Arn = $"arn:aws:iam::{accountId}:role{path}{roleName}",
            Path = path,
            CreateDate = now,
            AssumeRolePolicyDocument = trustPolicy,
            Description = description,
            MaxSessionDuration = maxSessionDuration ?? 3600,
            PermissionsBoundaryArn = boundaryArn,
            Tags = [.. tags],
        };
        Roles[roleName.ToLowerInvariant()] = role;
        return role;
    }

    public IamRole GetRole(string roleName) =>
        Roles.TryGetValue(roleName.ToLowerInvariant(), out var role)
            ? role
            : throw new ServiceException("NoSuchEntity", $"The role with name {roleName} cannot be found.", 404);

    public IamRole? FindRoleByArn(string arn) => Roles.Values.FirstOrDefault(r => r.Arn == arn);

    public IEnumerable<IamRole> ListRoles(string? pathPrefix) =>
        Roles.Values
            .Where(r => pathPrefix is null || r.Path.StartsWith(pathPrefix, StringComparison.Ordinal))
            .OrderBy(r => r.RoleName, StringComparer.OrdinalIgnoreCase);

    public void DeleteRole(string roleName)
    {
        var role = GetRole(roleName);
        if (role.InlinePolicies.Count > 0 || role.AttachedPolicyArns.Count > 0)
        {
            throw new ServiceException("DeleteConflict", "Cannot delete entity, must delete policies first.", 409);
        }

        if (InstanceProfiles.Values.Any(p => p.RoleNames.Contains(role.RoleName, StringComparer.OrdinalIgnoreCase)))
        {
            throw new ServiceException("DeleteConflict", "Cannot delete entity, must remove roles from instance profile first.", 409);
        }

        Roles.Remove(roleName.ToLowerInvariant());
    }

    public IamInstanceProfile CreateInstanceProfile(string accountId, string name, string path, IReadOnlyList<Tag> tags, DateTimeOffset now)
    {
        ValidateName("instanceProfileName", name, 128);
        ValidatePath(path);
        ValidateTags(tags);
        if (InstanceProfiles.ContainsKey(name.ToLowerInvariant()))
        {
            throw new ServiceException("EntityAlreadyExists", $"Instance Profile {name} already exists.", 409);
        }

        var profile = new IamInstanceProfile
        {
            InstanceProfileName = name,
            InstanceProfileId = IdGenerator.Uppercase("AIPA", 17),
            Arn = $"arn:aws:iam::{accountId}:instance-profile{path}{name}",
            Path = path,
            CreateDate = now,
            Tags = [.. tags],
        };
        InstanceProfiles[name.ToLowerInvariant()] = profile;
        return profile;
    }

    public IamInstanceProfile GetInstanceProfile(string name) =>
        InstanceProfiles.TryGetValue(name.ToLowerInvariant(), out var profile)
            ? profile
            : throw new ServiceException("NoSuchEntity", $"Instance Profile {name} cannot be found.", 404);

    public IEnumerable<IamInstanceProfile> ListInstanceProfiles(string? pathPrefix) =>
        InstanceProfiles.Values
            .Where(p => pathPrefix is null || p.Path.StartsWith(pathPrefix, StringComparison.Ordinal))
            .OrderBy(p => p.InstanceProfileName, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<IamInstanceProfile> ListInstanceProfilesForRole(string roleName)
    {
        var role = GetRole(roleName);
        return ListInstanceProfiles(null).Where(p => p.RoleNames.Contains(role.RoleName, StringComparer.OrdinalIgnoreCase));
    }

    public void AddRoleToInstanceProfile(string profileName, string roleName)
    {
        var profile = GetInstanceProfile(profileName);
        var role = GetRole(roleName);
        if (profile.RoleNames.Count > 0)
        {
            throw new ServiceException("LimitExceeded", "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1", 409);
        }

        profile.RoleNames.Add(role.RoleName);
    }

    public void RemoveRoleFromInstanceProfile(string profileName, string roleName)
    {
        var profile = GetInstanceProfile(profileName);
        if (profile.RoleNames.RemoveAll(r => string.Equals(r, roleName, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            throw new ServiceException("NoSuchEntity", $"The role with name {roleName} cannot be found in instance profile {profile.InstanceProfileName}.", 404);
        }
    }

    public void DeleteInstanceProfile(string name)
    {
        var profile = GetInstanceProfile(name);
        if (profile.RoleNames.Count > 0)
        {
            throw new ServiceException("DeleteConflict", "Cannot delete entity, must remove roles from instance profile first.", 409);
        }

        InstanceProfiles.Remove(name.ToLowerInvariant());
    }

    public void UpdateRole(string roleName, string? description, int? maxSessionDuration)
    {
        var role = GetRole(roleName);
        if (maxSessionDuration is < 3600 or > 43200)
        {
            throw Validation($"1 validation error detected: Value '{maxSessionDuration}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and 43200");
        }

        role.Description = description ?? role.Description;
        role.MaxSessionDuration = maxSessionDuration ?? role.MaxSessionDuration;
    }

    public void UpdateAssumeRolePolicy(string roleName, string document)
    {
        var role = GetRole(roleName);
        ValidatePolicyDocument(document);
        role.AssumeRolePolicyDocument = document;
    }

    public void TagRole(string roleName, IReadOnlyList<Tag> tags)
    {
        var role = GetRole(roleName);
        ValidateTags(tags);
        foreach (var tag in tags)
        {
            role.Tags.RemoveAll(t => t.Key == tag.Key);
            role.Tags.Add(tag);
        }

        if (role.Tags.Count > 50)
        {
            throw new ServiceException("LimitExceeded", "The number of tags has reached the maximum limit.", 409);
        }
    }

    public void UntagRole(string roleName, IReadOnlyList<string> keys) =>
        GetRole(roleName).Tags.RemoveAll(t => keys.Contains(t.Key));

    public void PutRolePolicy(string roleName, string policyName, string document)
    {
        var role = GetRole(roleName);
        ValidateName("policyName", policyName, 128);
        ValidatePolicyDocument(document);
        var existing = role.InlinePolicies.FirstOrDefault(p => p.PolicyName == policyName);
        if (existing is not null)
        {
            existing.PolicyDocument = document;
        }
        else
        {
            role.InlinePolicies.Add(new IamInlinePolicy { PolicyName = policyName, PolicyDocument = document });
        }
    }

    public IamInlinePolicy GetRolePolicy(string roleName, string policyName) =>
        GetRole(roleName).InlinePolicies.FirstOrDefault(p => p.PolicyName == policyName)
        ?? throw new ServiceException("NoSuchEntity", $"The role policy with name {policyName} cannot be found.", 404);

    public void DeleteRolePolicy(string roleName, string policyName)
    {
        var role = GetRole(roleName);
        var policy = GetRolePolicy(roleName, policyName);
        role.InlinePolicies.Remove(policy);
    }

    public IamManagedPolicy CreatePolicy(string accountId, string policyName, string path, string document, string? description, DateTimeOffset now)
    {
        ValidateName("policyName", policyName, 128);
        ValidatePath(path);
        ValidatePolicyDocument(document);
        var arn = $"arn:aws:iam::{accountId}:policy{path}{policyName}";
        if (Policies.Values.Any(p => string.Equals(p.PolicyName, policyName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ServiceException("EntityAlreadyExists", $"A policy called {policyName} already exists. Duplicate names are not allowed.", 409);
        }

        var policy = new IamManagedPolicy
        {
            PolicyName = policyName,
            PolicyId = IdGenerator.Uppercase("ANPA", 17),
            Arn = arn,
            Path = path,
            Description = description,
            CreateDate = now,
            UpdateDate = now,
            Versions = [new IamPolicyVersion("v1", document, now)],
        };
        Policies[arn] = policy;
        return policy;
    }

    public IamManagedPolicy GetPolicy(string arn) =>
        Policies.TryGetValue(arn, out var policy)
            ? policy
            : throw new ServiceException("NoSuchEntity", $"Policy {arn} does not exist or is not attachable.", 404);

    public int AttachmentCount(string arn) => Roles.Values.Count(r => r.AttachedPolicyArns.Contains(arn));

    public void DeletePolicy(string arn)
    {
        GetPolicy(arn);
        if (AttachmentCount(arn) > 0)
        {
            throw new ServiceException("DeleteConflict", "Cannot delete a policy attached to entities.", 409);
        }

        Policies.Remove(arn);
    }

    public void AttachRolePolicy(string roleName, string policyArn)
    {
        var role = GetRole(roleName);
        RequirePolicyArn(policyArn);
        if (!role.AttachedPolicyArns.Contains(policyArn))
        {
            if (role.AttachedPolicyArns.Count >= 20)
            {
                throw new ServiceException("LimitExceeded", $"Cannot exceed quota for PoliciesPerRole: 20", 409);
            }

            role.AttachedPolicyArns.Add(policyArn);
        }
    }

    public void DetachRolePolicy(string roleName, string policyArn)
    {
        var role = GetRole(roleName);
        if (!role.AttachedPolicyArns.Remove(policyArn))
        {
            throw new ServiceException("NoSuchEntity", $"Policy {policyArn} was not found.", 404);
        }
    }

    /// <summary>The access point for a policy evaluator: a role's inline and managed policy documents.</summary>
    public RolePolicies GetRolePolicies(string roleName)
    {
        var role = GetRole(roleName);
        var inline = role.InlinePolicies.Select(p => new PolicyDocumentReference(p.PolicyName, null, p.PolicyDocument)).ToList();
        var managed = role.AttachedPolicyArns.Select(Reference).ToList();
        var boundary = role.PermissionsBoundaryArn is { } b ? Reference(b) : null;
        return new RolePolicies(role, inline, managed, boundary);
    }

    public static string PolicyNameOf(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    public static bool IsAwsManaged(string arn) => arn.StartsWith("arn:aws:iam::aws:policy/", StringComparison.Ordinal);

    public static void ValidatePolicyDocument(string document)
    {
        try
        {
            using var json = JsonDocument.Parse(document);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("Statement", out var statement)
                || statement.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
            {
                throw new ServiceException("MalformedPolicyDocument", "Syntax errors in policy.");
            }
        }
        catch (JsonException)
        {
            throw new ServiceException("MalformedPolicyDocument", "This policy contains invalid Json");
        }
    }

    private PolicyDocumentReference Reference(string arn) =>
        Policies.TryGetValue(arn, out var policy)
            ? new PolicyDocumentReference(policy.PolicyName, arn, policy.DefaultDocument)
            : new PolicyDocumentReference(PolicyNameOf(arn), arn, null);

    private void RequirePolicyArn(string arn)
    {
        if (!IsAwsManaged(arn) && !Policies.ContainsKey(arn))
        {
            throw new ServiceException("NoSuchEntity", $"Policy {arn} does not exist or is not attachable.", 404);
        }
    }

    private static void ValidateName(string member, string name, int max)
    {
        if (name.Length < 1 || name.Length > max)
        {
            throw Validation($"1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        }

        if (!NamePattern.IsMatch(name))
        {
            throw Validation($"1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
    }

    private static void ValidatePath(string path)
    {
        if (path.Length > 512 || !PathPattern.IsMatch(path))
        {
            throw Validation($"1 validation error detected: Value '{path}' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        }
    }

    private static void ValidateTags(IReadOnlyList<Tag> tags)
    {
        if (tags.Count > 50)
        {
            throw Validation("1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
        }

        foreach (var tag in tags)
        {
            if (tag.Key.Length is < 1 or > 128 || tag.Value.Length > 256)
            {
                throw Validation($"1 validation error detected: Value '{tag.Key}' at 'tags.member.key' failed to satisfy constraint: Member must have length between 1 and 128");
            }
        }
    }

    private static ServiceException Validation(string message) => new("ValidationError", message);
}
