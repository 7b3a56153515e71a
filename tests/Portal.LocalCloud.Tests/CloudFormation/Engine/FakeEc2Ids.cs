using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

/// <summary>Known EC2 ids, with attributes (id → attribute → value) for Fn::ValueOf.</summary>
internal sealed class FakeEc2Ids(params string[] existing) : IAwsParameterValidator
{
    public Dictionary<string, Dictionary<string, string>> Attributes { get; } = new(StringComparer.Ordinal);

    public ValueTask<bool> ExistsAsync(string valueType, string value, CancellationToken cancellationToken) =>
        ValueTask.FromResult(existing.Contains(value, StringComparer.Ordinal));

    public ValueTask<string?> GetAttributeAsync(string valueType, string value, string attribute, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Attributes.TryGetValue(value, out var attributes) && attributes.TryGetValue(attribute, out var found) ? found : null);
}
