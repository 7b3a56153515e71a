using Portal.LocalCloud.CloudFormation.Engine;

namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

internal sealed class FakeTemplateSource : ITemplateSource
{
    public Dictionary<string, string> Bodies { get; } = new(StringComparer.Ordinal);

    public Task<string?> GetTemplateBodyAsync(string templateUrl, CancellationToken cancellationToken) =>
        Task.FromResult(Bodies.TryGetValue(templateUrl, out var body) ? body : null);
}
