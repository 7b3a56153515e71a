using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// The identifiers a provisioned resource is described by: its name (given or generated), its service id
/// (e.g. <c>vpc-…</c>) and its properties. <see cref="ResourceTypeInfo"/> turns this into Ref and GetAtt values.
/// </summary>
public sealed record ResourceIdentity(string Name, string Id, StackEnvironment Environment, JsonObject Properties)
{
    /// <summary>When the resource was created (CreateDate-style attributes).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    public string Arn(string service, string resource, bool regional = true, bool withAccount = true) =>
        $"arn:{Environment.Partition}:{service}:{(regional ? Environment.Region : string.Empty)}:{(withAccount ? Environment.AccountId : string.Empty)}:{resource}";

    public string Property(string name, string fallback = "") => TemplateValues.AsString(Properties[name]) ?? fallback;
}
