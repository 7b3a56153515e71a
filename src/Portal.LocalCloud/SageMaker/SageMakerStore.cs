using System.Text.Json.Nodes;
using Portal.LocalCloud.Clock;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.SageMaker;

/// <summary>
/// SageMaker resources of one account and region. Statuses move on the lifecycle clock: a resource
/// records the status it entered, when, and the status it reaches after one transition, and
/// <see cref="Refresh"/> applies due transitions when the resource is read.
/// </summary>
public sealed class SageMakerStore
{
    public Dictionary<string, SmResource> Resources { get; set; } = [];

    public static string Key(string kind, string name) => kind + ":" + name.ToLowerInvariant();

    public SmResource Create(string kind, string name, string accountId, string region, JsonObject specification, IReadOnlyList<Tag> tags, string? status, string? nextStatus, DateTimeOffset now, string duplicateCode, string duplicateMessage)
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (Resources.ContainsKey(Key(kind, name)))
        {
            throw new ServiceException(duplicateCode, duplicateMessage);
        }

        var resource = new SmResource
        {
            Kind = kind,
            Name = name,
            Arn = $"arn:aws:sagemaker:{region}:{accountId}:{kind}/{name.ToLowerInvariant()}",
            CreationTime = now,
            LastModifiedTime = now,
            Status = status,
            StatusSince = now,
            NextStatus = nextStatus,
            Specification = specification.ToJsonString(),
            Tags = [.. tags],
        };
        Resources[Key(kind, name)] = resource;
        return resource;
    }

    /// <summary>Creates a notebook instance (Pending → InService); also the entry point for the CloudFormation engine.</summary>
    public SmResource CreateNotebookInstance(string accountId, string region, string name, JsonObject specification, IReadOnlyList<Tag> tags, DateTimeOffset now) =>
        Create(SmKind.NotebookInstance, name, accountId, region, specification, tags, "Pending", "InService", now, "ResourceInUse", $"Cannot create a duplicate Notebook Instance ({name})");

    /// <summary>
    /// Creates a Git repository entry (no lifecycle status) from its GitConfig, checked as the service model does:
    /// RepositoryUrl required and <c>https://…</c>, Branch 1–1024 characters; also the CloudFormation engine's entry point.
    /// </summary>
    public SmResource CreateCodeRepository(string accountId, string region, string name, JsonObject gitConfig, IReadOnlyList<Tag> tags, DateTimeOffset now) =>
        Create(SmKind.CodeRepository, name, accountId, region, CodeRepositorySpecification(gitConfig), tags, null, null, now, "ValidationException", $"Cannot create a duplicate Code Repository ({name}).");

    /// <summary>A code repository's stored specification (<c>{"GitConfig": …}</c>) after checking the GitConfig.</summary>
    public static JsonObject CodeRepositorySpecification(JsonObject gitConfig)
    {
        ArgumentNullException.ThrowIfNull(gitConfig);
        var url = gitConfig["RepositoryUrl"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        if (url is null)
        {
            throw new ServiceException("ValidationException", "1 validation error detected: Value null at 'gitConfig.repositoryUrl' failed to satisfy constraint: Member must not be null");
        }

        if (!NotebookRules.IsRepositoryUrl(url))
        {
            throw new ServiceException("ValidationException", $"1 validation error detected: Value '{url}' at 'gitConfig.repositoryUrl' failed to satisfy constraint: Member must satisfy regular expression pattern: ^https://([^/]+)/?(.*)$");
        }

        if (gitConfig["Branch"] is JsonValue b && b.TryGetValue<string>(out var branch) && branch.Length is < 1 or > 1024)
        {
            throw new ServiceException("ValidationException", $"1 validation error detected: Value '{branch}' at 'gitConfig.branch' failed to satisfy constraint: Member must have length between 1 and 1024");
        }

        return new JsonObject { ["GitConfig"] = gitConfig.DeepClone() };
    }

    /// <summary>
    /// Throws unless each notebook code repository is a Git URL (<c>https://…</c>) or the name of a code repository in
    /// this store, as CreateNotebookInstance accepts either.
    /// </summary>
    public void CheckNotebookRepositories(IEnumerable<string> repositories)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        foreach (var repository in repositories.Where(r => !NotebookRules.IsRepositoryUrl(r)))
        {
            if (!Resources.ContainsKey(Key(SmKind.CodeRepository, repository)))
            {
                throw new ServiceException("ValidationException", $"Code repository {repository} does not exist.");
            }
        }
    }

    public SmResource? Find(string kind, string name, LifecycleClock clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (!Resources.TryGetValue(Key(kind, name), out var resource))
        {
            return null;
        }

        return Refresh(resource, clock, now) ? resource : null;
    }

    public SmResource Get(string kind, string name, LifecycleClock clock, DateTimeOffset now, string notFoundCode, string notFoundMessage) =>
        Find(kind, name, clock, now) ?? throw new ServiceException(notFoundCode, notFoundMessage);

    public IEnumerable<SmResource> All(string kind, LifecycleClock clock, DateTimeOffset now) =>
        Resources.Values.Where(r => r.Kind == kind).ToList().Where(r => Refresh(r, clock, now));

    public SmResource? FindByArn(string arn, LifecycleClock clock, DateTimeOffset now) =>
        Resources.Values.FirstOrDefault(r => r.Arn == arn) is { } r && Refresh(r, clock, now) ? r : null;

    /// <summary>Moves a resource into a status that lasts one transition before <paramref name="next"/>.</summary>
    public static void Transition(SmResource resource, string status, string? next, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        resource.Status = status;
        resource.NextStatus = next;
        resource.StatusSince = now;
        resource.LastModifiedTime = now;
    }

    /// <summary>Applies a due transition; false when the resource finished deleting (and is gone).</summary>
    public bool Refresh(SmResource resource, LifecycleClock clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(clock);
        if (resource.NextStatus is null || !clock.HasElapsed(resource.StatusSince, now))
        {
            return true;
        }

        var at = clock.After(resource.StatusSince);
        if (resource.NextStatus == "Deleted")
        {
            Resources.Remove(Key(resource.Kind, resource.Name));
            return false;
        }

        resource.Status = resource.NextStatus;
        resource.NextStatus = null;
        resource.StatusSince = at;
        resource.LastModifiedTime = at;
        if (resource.Kind is SmKind.TrainingJob or SmKind.ProcessingJob && resource.Status is "Completed" or "Stopped" or "Failed")
        {
            resource.EndTime = at;
        }

        return true;
    }
}
