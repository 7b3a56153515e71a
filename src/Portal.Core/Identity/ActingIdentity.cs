using System.Text.RegularExpressions;
using Portal.Core.Common;

namespace Portal.Core.Identity;

/// <summary>
/// On whose behalf a cloud call runs: a persona role assumed for a signed-in user, or the portal's own identity.
/// The user's login becomes the session's source identity, so the cloud's audit trail names the human.
/// </summary>
public sealed partial record ActingIdentity
{
    private ActingIdentity(string? roleArn, string userLogin, IReadOnlyList<ResourceTag> sessionTags)
    {
        RoleArn = roleArn;
        UserLogin = userLogin;
        SessionTags = sessionTags;
    }

    /// <summary>The portal's own identity (no role is assumed). Used for platform set-up and background sync.</summary>
    public static ActingIdentity Portal { get; } = new(null, "portal", []);

    /// <summary>The persona role to assume, or null for the portal's own identity.</summary>
    public string? RoleArn { get; }

    /// <summary>The signed-in user's login; sent as the role session's source identity.</summary>
    public string UserLogin { get; }

    /// <summary>Session tags (for example project and user) attached to the role session.</summary>
    public IReadOnlyList<ResourceTag> SessionTags { get; }

    /// <summary>Creates an identity for a user acting through a persona role, validating the cloud's limits.</summary>
    public static Result<ActingIdentity> ForUser(string roleArn, string userLogin, IReadOnlyList<ResourceTag>? sessionTags = null)
    {
        if (string.IsNullOrWhiteSpace(roleArn) || !RoleArnPattern().IsMatch(roleArn))
        {
            return Error.Validation("InvalidRoleArn", $"'{roleArn}' is not an IAM role ARN.", nameof(roleArn));
        }

        if (string.IsNullOrEmpty(userLogin) || !SourceIdentityPattern().IsMatch(userLogin))
        {
            return Error.Validation(
                "InvalidSourceIdentity",
                "A user login must be 2 to 64 characters of letters, digits and + = , . @ _ - to act in the cloud.",
                nameof(userLogin));
        }

        var tags = sessionTags ?? [];
        if (tags.Count > 50)
        {
            return Error.Validation("TooManySessionTags", "A role session takes at most 50 tags.", nameof(sessionTags));
        }

        foreach (var tag in tags)
        {
            if (tag.Key.Length is 0 or > 128 || tag.Value.Length > 256)
            {
                return Error.Validation("InvalidSessionTag", $"Session tag '{tag.Key}' breaks the key (1-128) or value (0-256) length limits.", nameof(sessionTags));
            }
        }

        return new ActingIdentity(roleArn, userLogin, tags);
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]{1,512}$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex SourceIdentityPattern();
}
