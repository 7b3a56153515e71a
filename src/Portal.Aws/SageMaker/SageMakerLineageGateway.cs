using Portal.Aws.Protocols;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Workloads;
using Ops = Portal.Aws.SageMaker.SageMakerOperations;

namespace Portal.Aws.SageMaker;

/// <summary>Experiments, trial components and resource tags over SageMaker.</summary>
internal sealed class SageMakerLineageGateway : ILineageGateway
{
    private readonly AwsJsonProtocolClient _client;

    public SageMakerLineageGateway(AwsJsonProtocolClient client) => _client = client;

    public IAsyncEnumerable<Experiment> ListExperimentsAsync(ActingIdentity identity, DateTimeOffset? createdAfter, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(
                Ops.ListExperiments,
                new SmListExperimentsRequest { CreatedAfter = createdAfter, SortBy = "CreationTime", SortOrder = "Descending", NextToken = token, MaxResults = 100 },
                identity,
                ct),
            page => page.ExperimentSummaries?.Select(e => new Experiment(e.ExperimentName ?? string.Empty, e.ExperimentArn, e.DisplayName, e.ExperimentSource?.SourceArn, e.CreationTime, e.LastModifiedTime)),
            page => page.NextToken,
            cancellationToken);

    public IAsyncEnumerable<TrialComponent> ListTrialComponentsAsync(ActingIdentity identity, string? experimentName, string? trialName, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(
                Ops.ListTrialComponents,
                new SmListTrialComponentsRequest { ExperimentName = experimentName, TrialName = trialName, SortBy = "CreationTime", SortOrder = "Descending", NextToken = token, MaxResults = 100 },
                identity,
                ct),
            page => page.TrialComponentSummaries?.Select(c => new TrialComponent(
                c.TrialComponentName ?? string.Empty, c.TrialComponentArn, c.DisplayName, c.TrialComponentSource?.SourceArn, c.TrialComponentSource?.SourceType,
                c.Status?.PrimaryStatus, c.Status?.Message, c.StartTime, c.EndTime, c.CreationTime)),
            page => page.NextToken,
            cancellationToken);

    public IAsyncEnumerable<ResourceTag> ListTagsAsync(ActingIdentity identity, string resourceArn, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(Ops.ListTags, new SmListTagsRequest { ResourceArn = resourceArn, NextToken = token, MaxResults = 100 }, identity, ct),
            page => page.Tags?.Select(t => new ResourceTag(t.Key ?? string.Empty, t.Value ?? string.Empty)),
            page => page.NextToken,
            cancellationToken);
}
