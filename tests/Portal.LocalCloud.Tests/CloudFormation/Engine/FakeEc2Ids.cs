using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

internal sealed class FakeEc2Ids(params string[] existing) : IAwsParameterValidator
{
    public ValueTask<bool> ExistsAsync(string valueType, string value, CancellationToken cancellationToken) =>
        ValueTask.FromResult(existing.Contains(value, StringComparer.Ordinal));
}
