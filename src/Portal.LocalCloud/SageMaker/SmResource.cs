using Portal.LocalCloud.State;

namespace Portal.LocalCloud.SageMaker;

/// <summary>
/// A SageMaker resource of any kind (notebook instance, job, model, endpoint, schedule, experiment …):
/// identity, lifecycle status with the time it was entered and the status it moves to next, the
/// creation request's members (<see cref="Specification"/>, JSON) and tags.
/// </summary>
public sealed class SmResource
{
    public required string Kind { get; init; }

    public required string Name { get; init; }

    public required string Arn { get; init; }

    public DateTimeOffset CreationTime { get; init; }

    public DateTimeOffset LastModifiedTime { get; set; }

    public string? Status { get; set; }

    public DateTimeOffset StatusSince { get; set; }

    /// <summary>The status the resource reaches after one lifecycle transition (<c>Deleted</c> removes it).</summary>
    public string? NextStatus { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>The create request's members as JSON (echoed by Describe).</summary>
    public string Specification { get; set; } = "{}";

    public List<Tag> Tags { get; set; } = [];

    /// <summary>Relations by name: ExperimentName, TrialName, EndpointName, EndpointConfigName, Trials (comma list) …</summary>
    public Dictionary<string, string> Links { get; set; } = [];

    /// <summary>When a running job started (for training and processing times).</summary>
    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }
}
