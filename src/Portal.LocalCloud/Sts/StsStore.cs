using System.Text.RegularExpressions;
using Portal.LocalCloud.Auth;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Sts;

/// <summary>
/// STS over the shared state: AssumeRole checks the target role's trust policy (including
/// <c>sts:TagSession</c> and <c>sts:SetSourceIdentity</c> when those are used), carries SourceIdentity
/// and transitive tags through role chaining, and records the temporary credentials it issues.
/// </summary>
public sealed partial class StsStore
{
    private readonly ITrustPolicyEvaluator _trust;

    public StsStore(ITrustPolicyEvaluator trust)
    {
        _trust = trust;
    }

    public StsSession AssumeRole(CloudState state, CallerIdentity caller, AssumeRoleRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);

        var match = RoleArnPattern().Match(request.RoleArn);
        if (!match.Success)
        {
            throw new ServiceException("ValidationError", $"{request.RoleArn} is invalid");
        }

        var accountId = match.Groups["account"].Value;
        var roleName = match.Groups["name"].Value;
        var roleState = state.Accounts.TryGetValue(accountId, out var account) ? account.Iam.FindRoleByArn(request.RoleArn)
            ?? account.Iam.Roles.GetValueOrDefault(roleName.ToLowerInvariant()) : null;
        if (roleState is null || roleState.Arn != request.RoleArn)
        {
            throw AccessDenied(caller, request.RoleArn);
        }

        if (!_trust.Allows(roleState.AssumeRolePolicyDocument, caller, "sts:AssumeRole"))
        {
            throw AccessDenied(caller, request.RoleArn);
        }

        var sourceIdentity = request.SourceIdentity;
        if (caller.SourceIdentity is not null)
        {
            if (sourceIdentity is not null && sourceIdentity != caller.SourceIdentity)
            {
                throw new ServiceException("AccessDenied", "The SourceIdentity of a role session cannot be changed once it is set.", 403);
            }

            sourceIdentity = caller.SourceIdentity;
        }
        else if (sourceIdentity is not null && !_trust.Allows(roleState.AssumeRolePolicyDocument, caller, "sts:SetSourceIdentity"))
        {
            throw new ServiceException("AccessDenied", $"User: {caller.Arn} is not authorized to perform: sts:SetSourceIdentity on resource: {request.RoleArn}", 403);
        }

        var tags = new List<Tag>();
        foreach (var key in caller.TransitiveTagKeys)
        {
            if (caller.SessionTags.TryGetValue(key, out var value))
            {
                if (request.Tags.Any(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ServiceException("InvalidParameterValue", $"Cannot override transitive tag key {key}.");
                }

                tags.Add(new Tag(key, value));
            }
        }

        if (request.Tags.Count > 0 && !_trust.Allows(roleState.AssumeRolePolicyDocument, caller, "sts:TagSession"))
        {
            throw new ServiceException("AccessDenied", $"User: {caller.Arn} is not authorized to perform: sts:TagSession on resource: {request.RoleArn}", 403);
        }

        tags.AddRange(request.Tags);
        var maxDuration = caller.IsAssumedRole ? 3600 : roleState.MaxSessionDuration;
        var duration = request.DurationSeconds ?? 3600;
        if (duration > maxDuration)
        {
            throw new ServiceException(
                "ValidationError",
                $"The requested DurationSeconds exceeds the MaxSessionDuration set for this role ({maxDuration}).");
        }

        var session = new StsSession
        {
            AccessKeyId = IdGenerator.Uppercase("ASIA", 16),
            SecretAccessKey = IdGenerator.Secret(40),
            SessionToken = "FwoGZXIvYXdzE" + IdGenerator.Secret(300),
            Expiration = now.AddSeconds(duration),
            AccountId = accountId,
            RoleArn = roleState.Arn,
            RoleName = roleState.RoleName,
            RoleId = roleState.RoleId,
            SessionName = request.RoleSessionName,
            SourceIdentity = sourceIdentity,
            Tags = tags,
            TransitiveTagKeys = [.. caller.TransitiveTagKeys.Where(k => tags.Any(t => t.Key == k)), .. request.TransitiveTagKeys],
        };
        state.RemoveExpiredSessions(now);
        state.Sessions[session.AccessKeyId] = session;
        return session;
    }

    private static void Validate(AssumeRoleRequest request)
    {
        if (request.RoleArn.Length is < 20 or > 2048)
        {
            throw Validation("roleArn", request.RoleArn, "Member must have length between 20 and 2048");
        }

        if (request.RoleSessionName.Length is < 2 or > 64)
        {
            throw Validation("roleSessionName", request.RoleSessionName, "Member must have length between 2 and 64");
        }

        if (!NamePattern().IsMatch(request.RoleSessionName))
        {
            throw Validation("roleSessionName", request.RoleSessionName, "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }

        if (request.DurationSeconds is < 900 or > 43200)
        {
            throw Validation("durationSeconds", request.DurationSeconds.ToString(), "Member must have value between 900 and 43200");
        }

        if (request.SourceIdentity is { } source
            && (source.Length is < 2 or > 64 || !NamePattern().IsMatch(source) || source.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)))
        {
            throw Validation("sourceIdentity", source, "Member must have length between 2 and 64 and satisfy regular expression pattern: [\\w+=,.@-]*");
        }

        if (request.Tags.Count > 50)
        {
            throw Validation("tags", null, "Member must have length less than or equal to 50");
        }

        foreach (var tag in request.Tags)
        {
            if (tag.Key.Length is < 1 or > 128 || tag.Value.Length > 256)
            {
                throw Validation("tags.member.key", tag.Key, "Member must have length between 1 and 128");
            }
        }

        if (request.Tags.GroupBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            throw new ServiceException("InvalidParameterValue", "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        }

        foreach (var key in request.TransitiveTagKeys)
        {
            if (!request.Tags.Any(t => t.Key == key))
            {
                throw new ServiceException("InvalidParameterValue", $"The specified transitive tag key {key} must be included in the requested tags.");
            }
        }

    }

    private static ServiceException Validation(string member, string? value, string constraint) =>
        new("ValidationError", $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

    private static ServiceException AccessDenied(CallerIdentity caller, string roleArn) =>
        new("AccessDenied", $"User: {caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}", 403);

    [GeneratedRegex(@"^arn:aws:iam::(?<account>\d{12}):role/(?:.*/)?(?<name>[\w+=,.@-]+)$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@-]*$")]
    private static partial Regex NamePattern();
}
