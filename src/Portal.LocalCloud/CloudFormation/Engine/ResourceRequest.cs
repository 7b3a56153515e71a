using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// What a provisioner receives: the resource's resolved properties (no intrinsics left) and who asks.
/// <see cref="PhysicalId"/> and <see cref="PreviousProperties"/> are set for updates and deletes.
/// </summary>
public sealed record ResourceRequest(
    StackEnvironment Environment,
    string StackName,
    string StackId,
    string LogicalId,
    string ResourceType,
    JsonObject Properties)
{
    public string? PhysicalId { get; init; }

    public JsonObject? PreviousProperties { get; init; }

    /// <summary>Attributes returned when the resource was created or last updated.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? PreviousAttributes { get; init; }

    /// <summary>Tags CloudFormation adds to taggable resources (<c>aws:cloudformation:stack-name</c>, …) plus stack tags.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The role session the operation acts as (the stack's service role or the calling session); null: LocalCloud's authority.</summary>
    public StackPrincipal? ActingAs { get; init; }

    /// <summary>A name fixed before the call (so authorisation and creation agree on a generated name).</summary>
    public string? FixedName { get; init; }

    /// <summary>The catalogue entry for <see cref="ResourceType"/> (generic for unmodelled types).</summary>
    public ResourceTypeInfo TypeInfo => ResourceTypeCatalog.Get(ResourceType);

    /// <summary>The name property's value, or a generated <c>&lt;stack&gt;-&lt;logical&gt;-&lt;RANDOM&gt;</c> name.</summary>
    public string NameOrGenerated()
    {
        if (FixedName is not null)
        {
            return FixedName;
        }

        var info = TypeInfo;
        if (info.NameProperty is { } property && TemplateValues.AsString(Properties[property]) is { Length: > 0 } given)
        {
            return given;
        }

        return PhysicalIds.GenerateName(StackName, LogicalId, info.MaxGeneratedNameLength, info.LowerCaseName);
    }
}
