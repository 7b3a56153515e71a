using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

internal sealed class FakeSsmParameters(Dictionary<string, string> values) : ISsmParameterResolver
{
    public ValueTask<string?> GetParameterValueAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(values.TryGetValue(name, out var value) ? value : null);
}
