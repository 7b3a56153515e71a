using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Stacks;

/// <summary>Deploys and inspects CloudFormation stacks (the platform foundation).</summary>
public interface IStackGateway
{
    /// <summary>Starts creating a stack; returns its stack id. Poll <see cref="DescribeStackAsync"/>.</summary>
    Task<Result<string>> CreateStackAsync(ActingIdentity identity, NewStack stack, CancellationToken cancellationToken);

    Task<Result<string>> UpdateStackAsync(ActingIdentity identity, StackUpdate update, CancellationToken cancellationToken);

    Task<Result<Unit>> DeleteStackAsync(ActingIdentity identity, string stackName, CancellationToken cancellationToken);

    Task<Result<Stack>> DescribeStackAsync(ActingIdentity identity, string stackName, CancellationToken cancellationToken);

    IAsyncEnumerable<StackEvent> ListStackEventsAsync(ActingIdentity identity, string stackName, CancellationToken cancellationToken);

    Task<Result<IReadOnlyList<StackResource>>> ListStackResourcesAsync(ActingIdentity identity, string stackName, CancellationToken cancellationToken);

    Task<Result<TemplateValidation>> ValidateTemplateAsync(ActingIdentity identity, StackTemplate template, CancellationToken cancellationToken);

    /// <summary>The template body the stack runs with.</summary>
    Task<Result<string>> GetTemplateAsync(ActingIdentity identity, string stackName, CancellationToken cancellationToken);

    IAsyncEnumerable<StackExport> ListExportsAsync(ActingIdentity identity, CancellationToken cancellationToken);
}
