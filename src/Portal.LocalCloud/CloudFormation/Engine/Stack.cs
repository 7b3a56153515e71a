namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// A stack and its history. Mutated only by <see cref="StackOrchestrator"/>; readers get copies
/// (<see cref="GetEvents"/>, <see cref="GetResources"/>), so DescribeStacks can run while an operation executes.
/// </summary>
public sealed class Stack
{
    private readonly Lock _gate = new();
    private readonly List<StackEvent> _events = [];
    private readonly Dictionary<string, StackResource> _resources = new(StringComparer.Ordinal);
    private List<string> _order = [];

    internal Stack(string stackId, string stackName, StackEnvironment environment, DateTimeOffset creationTime)
    {
        StackId = stackId;
        StackName = stackName;
        Environment = environment;
        CreationTime = creationTime;
    }

    public string StackId { get; }

    /// <summary>Serialises status transitions between concurrent API calls on the same stack.</summary>
    internal Lock OperationGate { get; } = new();

    public string StackName { get; }

    public StackEnvironment Environment { get; }

    public string Status { get; internal set; } = StackStatus.CreateInProgress;

    public string? StatusReason { get; internal set; }

    /// <summary>The ResourceStatusReason of the resource whose failure started the last rollback (Service Catalog's RecordErrors).</summary>
    public string? FailureReason { get; internal set; }

    /// <summary>The stack reason of the last failure (<c>The following resource(s) failed to create: [X]. </c>), for nested-stack messages.</summary>
    public string? LastFailureSummary { get; internal set; }

    public Template Template { get; internal set; } = null!;

    public IReadOnlyDictionary<string, ResolvedParameter> Parameters { get; internal set; } = new Dictionary<string, ResolvedParameter>();

    public IReadOnlyList<string> Capabilities { get; internal set; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; internal set; } = new Dictionary<string, string>();

    public IReadOnlyList<string> NotificationArns { get; internal set; } = [];

    public IReadOnlyList<StackOutput> Outputs { get; internal set; } = [];

    public bool DisableRollback { get; internal set; }

    /// <summary>The service role every resource operation is authorised under (DescribeStacks' <c>RoleARN</c>); nested stacks inherit it.</summary>
    public string? RoleArn { get; internal set; }

    /// <summary>The caller of the running operation (not persisted: an operation does not outlive its process).</summary>
    internal StackPrincipal? OperationCaller { get; set; }

    /// <summary>Who the running operation's resource calls act as: the service role, else the operation's caller.</summary>
    internal StackPrincipal? ActingAs => RoleArn is { } role ? StackPrincipal.ServiceRole(role) : OperationCaller;

    public string? Description => Template?.Description;

    public DateTimeOffset CreationTime { get; }

    public DateTimeOffset? LastUpdatedTime { get; internal set; }

    public DateTimeOffset? DeletionTime { get; internal set; }

    /// <summary>The parent stack's ARN for a nested stack; null for a root stack.</summary>
    public string? ParentId { get; internal set; }

    public string? RootId { get; internal set; }

    public bool IsDeleted => Status == StackStatus.DeleteComplete;

    /// <summary>Events oldest first (DescribeStackEvents shows them newest first).</summary>
    public IReadOnlyList<StackEvent> GetEvents()
    {
        lock (_gate)
        {
            return _events.ToList();
        }
    }

    /// <summary>Resources in creation order.</summary>
    public IReadOnlyList<StackResource> GetResources()
    {
        lock (_gate)
        {
            return _order.Where(_resources.ContainsKey).Select(id => _resources[id])
                .Concat(_resources.Values.Where(r => !_order.Contains(r.LogicalId)))
                .ToList();
        }
    }

    public StackResource? FindResource(string logicalId)
    {
        lock (_gate)
        {
            return _resources.GetValueOrDefault(logicalId);
        }
    }

    /// <summary>A timestamp for the next event: the clock at millisecond precision, strictly after the previous event so ids stay unique and ordered.</summary>
    internal DateTimeOffset NextEventTime(DateTimeOffset now)
    {
        lock (_gate)
        {
            var last = _events.Count == 0 ? DateTimeOffset.MinValue : _events[^1].Timestamp;
            var millisecond = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            return millisecond > last ? millisecond : last.AddMilliseconds(1);
        }
    }

    internal void AddEvent(StackEvent stackEvent)
    {
        lock (_gate)
        {
            _events.Add(stackEvent);
        }
    }

    internal void SetResource(StackResource resource)
    {
        lock (_gate)
        {
            _resources[resource.LogicalId] = resource;
        }
    }

    internal void RemoveResource(string logicalId)
    {
        lock (_gate)
        {
            _resources.Remove(logicalId);
        }
    }

    internal void ReplaceResources(IEnumerable<StackResource> resources, IReadOnlyList<string> order)
    {
        lock (_gate)
        {
            _resources.Clear();
            foreach (var resource in resources)
            {
                _resources[resource.LogicalId] = resource;
            }

            _order = order.ToList();
        }
    }

    internal IReadOnlyList<string> ResourceOrder
    {
        get
        {
            lock (_gate)
            {
                return _order.ToList();
            }
        }

        set
        {
            lock (_gate)
            {
                _order = value.ToList();
            }
        }
    }
}
