using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// A pure provisioner that keeps resources in memory and answers with the catalogue's Ref and GetAtt values.
/// For tests and benchmarks; failures can be scripted with <see cref="FailCreate"/>, <see cref="FailUpdate"/> and
/// <see cref="FailDelete"/>, and buckets listed in <see cref="NonEmptyBuckets"/> refuse deletion as S3 does.
/// </summary>
public sealed class InMemoryResourceProvisioner : IResourceProvisioner
{
    private readonly ConcurrentDictionary<string, ProvisionedResource> _resources = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly TimeProvider _time;

    public InMemoryResourceProvisioner(TimeProvider time) => _time = time;

    public InMemoryResourceProvisioner()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Returns a failure reason to make a create fail.</summary>
    public Func<ResourceRequest, string?> FailCreate { get; init; } = _ => null;

    public Func<ResourceRequest, string?> FailUpdate { get; init; } = _ => null;

    public Func<ResourceRequest, string?> FailDelete { get; init; } = _ => null;

    /// <summary>When false, types outside <see cref="ResourceTypeCatalog"/> fail as LocalCloud does; true provisions them generically.</summary>
    public bool AllowUnmodelledTypes { get; init; }

    /// <summary>Bucket names whose deletion fails with S3's BucketNotEmpty text.</summary>
    public ISet<string> NonEmptyBuckets { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Calls received, as <c>Create:LogicalId</c>, <c>Update:LogicalId</c>, <c>Delete:LogicalId</c>, oldest first.</summary>
    public IReadOnlyList<string> Calls => _calls.ToList();

    /// <summary>Live resources by physical id.</summary>
    public IReadOnlyDictionary<string, ProvisionedResource> Resources => _resources;

    public Task<ProvisioningResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _calls.Enqueue("Create:" + request.LogicalId);
        if (!AllowUnmodelledTypes && !ResourceTypeCatalog.IsModelled(request.ResourceType))
        {
            return Task.FromResult(ProvisioningResult.Failure($"resource type {request.ResourceType} is not supported by LocalCloud", "InvalidRequest"));
        }

        if (FailCreate(request) is { } reason)
        {
            return Task.FromResult(ProvisioningResult.Failure(reason));
        }

        var info = request.TypeInfo;
        var name = request.NameOrGenerated();
        if (info.NameProperty is not null && request.Properties.ContainsKey(info.NameProperty)
            && _resources.Values.Any(r => r.Type == request.ResourceType && r.Name == name))
        {
            return Task.FromResult(ProvisioningResult.Failure(
                $"Resource of type '{request.ResourceType}' with identifier '{name}' already exists.", "AlreadyExists"));
        }

        var identity = new ResourceIdentity(name, PhysicalIds.NewId(info.IdShape), request.Environment, request.Properties) { CreatedAt = _time.GetUtcNow() };
        var (physicalId, attributes) = info.Describe(identity);
        if (info.IsGeneric)
        {
            physicalId = name;
        }

        _resources[physicalId] = new ProvisionedResource(request.ResourceType, request.LogicalId, name, identity, request.Properties);
        return Task.FromResult(ProvisioningResult.Success(physicalId, attributes));
    }

    public Task<ProvisioningResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _calls.Enqueue("Update:" + request.LogicalId);
        if (FailUpdate(request) is { } reason)
        {
            return Task.FromResult(ProvisioningResult.Failure(reason));
        }

        if (request.PhysicalId is null || !_resources.TryGetValue(request.PhysicalId, out var existing))
        {
            return Task.FromResult(ProvisioningResult.Failure($"Resource of type '{request.ResourceType}' with identifier '{request.PhysicalId}' was not found.", "NotFound"));
        }

        var identity = existing.Identity with { Properties = request.Properties };
        var (_, attributes) = request.TypeInfo.Describe(identity);
        _resources[request.PhysicalId] = existing with { Identity = identity, Properties = request.Properties };
        return Task.FromResult(ProvisioningResult.Success(request.PhysicalId, attributes));
    }

    public Task<ProvisioningResult> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _calls.Enqueue("Delete:" + request.LogicalId);
        if (FailDelete(request) is { } reason)
        {
            return Task.FromResult(ProvisioningResult.Failure(reason));
        }

        if (request.ResourceType == "AWS::S3::Bucket" && request.PhysicalId is { } bucket && NonEmptyBuckets.Contains(bucket))
        {
            return Task.FromResult(ProvisioningResult.Failure(
                "The bucket you tried to delete is not empty (Service: S3, Status Code: 409)", "GeneralServiceException"));
        }

        if (request.PhysicalId is { } id)
        {
            _resources.TryRemove(id, out _);
        }

        return Task.FromResult(ProvisioningResult.Success(request.PhysicalId ?? string.Empty, new Dictionary<string, JsonNode?>()));
    }
}
