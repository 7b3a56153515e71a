using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// What CloudFormation documents for one resource type: how <c>Ref</c> and each <c>Fn::GetAtt</c> attribute are formed,
/// which properties are required, which force replacement when changed, and how its physical name is generated.
/// </summary>
public sealed record ResourceTypeInfo(
    string Type,
    string? NameProperty,
    int MaxGeneratedNameLength,
    bool LowerCaseName,
    string? IdPrefix,
    Func<ResourceIdentity, string> Ref,
    IReadOnlyDictionary<string, Func<ResourceIdentity, JsonNode?>> Attributes,
    IReadOnlySet<string> RequiredProperties,
    IReadOnlySet<string> ReplacementProperties)
{
    /// <summary>True for the fallback entry used for types the catalogue does not describe.</summary>
    public bool IsGeneric { get; init; }

    /// <summary>The property whose presence makes an IAM resource custom-named (needs CAPABILITY_NAMED_IAM).</summary>
    public string? NamedIamProperty { get; init; }

    /// <summary>How the service id (<see cref="ResourceIdentity.Id"/>) of this type looks.</summary>
    public IdShape IdShape { get; init; } = new("id-", 17, IdAlphabet.Hex);

    public bool IsIam => Type.StartsWith("AWS::IAM::", StringComparison.Ordinal);

    /// <summary>Computes Ref and every documented attribute for a provisioned resource.</summary>
    public (string PhysicalId, Dictionary<string, JsonNode?> Attributes) Describe(ResourceIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var attributes = Attributes.ToDictionary(a => a.Key, a => a.Value(identity), StringComparer.Ordinal);
        return (Ref(identity), attributes);
    }
}
