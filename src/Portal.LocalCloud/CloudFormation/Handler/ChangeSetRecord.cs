namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>A change set as CreateChangeSet stored it: what to run, its status and the resource changes it previews.</summary>
public sealed record ChangeSetRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string StackName { get; init; }

    public string? StackId { get; set; }

    /// <summary>CREATE or UPDATE.</summary>
    public required string Type { get; init; }

    public string? TemplateBody { get; init; }

    public string? TemplateUrl { get; init; }

    public bool UsePreviousTemplate { get; init; }

    public List<ChangeSetParameter> Parameters { get; init; } = [];

    public List<string> Capabilities { get; init; } = [];

    public Dictionary<string, string>? Tags { get; init; }

    public string? Description { get; init; }

    /// <summary>The change set's <c>RoleARN</c>, used when it is executed.</summary>
    public string? RoleArn { get; init; }

    /// <summary>CREATE_COMPLETE or FAILED.</summary>
    public required string Status { get; set; }

    public string? StatusReason { get; set; }

    /// <summary>AVAILABLE, UNAVAILABLE, EXECUTE_COMPLETE or OBSOLETE.</summary>
    public required string ExecutionStatus { get; set; }

    public List<ChangeSetChange> Changes { get; init; } = [];

    public DateTimeOffset CreationTime { get; init; }
}
