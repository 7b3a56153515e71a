namespace Portal.LocalCloud.Iam;

/// <summary>An inline policy embedded in a role.</summary>
public sealed class IamInlinePolicy
{
    public required string PolicyName { get; init; }

    public required string PolicyDocument { get; set; }
}
