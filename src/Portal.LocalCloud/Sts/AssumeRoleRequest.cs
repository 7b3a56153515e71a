using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Sts;

/// <summary>The members of an AssumeRole call, wire-free.</summary>
public sealed record AssumeRoleRequest(
    string RoleArn,
    string RoleSessionName,
    int? DurationSeconds,
    IReadOnlyList<Tag> Tags,
    IReadOnlyList<string> TransitiveTagKeys,
    string? SourceIdentity,
    string? ExternalId);
