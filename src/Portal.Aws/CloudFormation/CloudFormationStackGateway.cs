using Portal.Aws.Protocols;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Provisioning;
using Portal.Core.Stacks;
using Ops = Portal.Aws.CloudFormation.CloudFormationOperations;

namespace Portal.Aws.CloudFormation;

/// <summary>Stacks over CloudFormation. Create/update/delete carry a ClientRequestToken made once per call.</summary>
internal sealed class CloudFormationStackGateway : IStackGateway
{
    private const int MaxInlineTemplateBytes = 51_200;

    private readonly AwsQueryProtocolClient _client;

    public CloudFormationStackGateway(AwsQueryProtocolClient client) => _client = client;

    public async Task<Result<string>> CreateStackAsync(ActingIdentity identity, NewStack stack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (CheckTemplate(stack.Template) is { } invalid)
        {
            return invalid;
        }

        var request = new CfnCreateStackRequest
        {
            StackName = stack.StackName,
            TemplateBody = stack.Template.Body,
            TemplateURL = stack.Template.Url,
            Parameters = ToWire(stack.Parameters),
            DisableRollback = stack.DisableRollback ? true : null,
            Capabilities = stack.Capabilities.Count == 0 ? null : stack.Capabilities,
            RoleARN = stack.RoleArn,
            Tags = stack.Tags is { Count: > 0 } tags ? tags.Select(t => new CfnTag { Key = t.Key, Value = t.Value }).ToList() : null,
            ClientRequestToken = (stack.Token ?? IdempotencyToken.New()).Value,
        };
        var response = await _client.SendAsync(Ops.CreateStack, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => r.StackId ?? stack.StackName);
    }

    public async Task<Result<string>> UpdateStackAsync(ActingIdentity identity, StackUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Template is not null && CheckTemplate(update.Template) is { } invalid)
        {
            return invalid;
        }

        var request = new CfnUpdateStackRequest
        {
            StackName = update.StackName,
            TemplateBody = update.Template?.Body,
            TemplateURL = update.Template?.Url,
            UsePreviousTemplate = update.Template is null ? true : null,
            Parameters = ToWire(update.Parameters),
            Capabilities = update.Capabilities.Count == 0 ? null : update.Capabilities,
            ClientRequestToken = (update.Token ?? IdempotencyToken.New()).Value,
        };
        var response = await _client.SendAsync(Ops.UpdateStack, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => r.StackId ?? update.StackName);
    }

    public async Task<Result<Unit>> DeleteStackAsync(ActingIdentity identity, string stackName, CancellationToken cancellationToken)
    {
        var request = new CfnDeleteStackRequest { StackName = stackName, ClientRequestToken = IdempotencyToken.New().Value };
        var response = await _client.SendAsync(Ops.DeleteStack, request, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(_ => Unit.Value);
    }

    public async Task<Result<Stack>> DescribeStackAsync(ActingIdentity identity, string stackName, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.DescribeStacks, new CfnStackNameRequest { StackName = stackName }, identity, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return response.Error!;
        }

        var stack = response.Value.Stacks?.FirstOrDefault();
        return stack is null
            ? Error.NotFound("StackNotFound", $"Stack {stackName} does not exist.", stackName)
            : ToStack(stack);
    }

    public IAsyncEnumerable<StackEvent> ListStackEventsAsync(ActingIdentity identity, string stackName, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(Ops.DescribeStackEvents, new CfnStackNameRequest { StackName = stackName, NextToken = token }, identity, ct),
            page => page.StackEvents?.Select(e => new StackEvent(
                e.EventId ?? string.Empty, e.StackName ?? stackName, e.LogicalResourceId, e.PhysicalResourceId, e.ResourceType, e.ResourceStatus, e.ResourceStatusReason, e.Timestamp)),
            page => page.NextToken,
            cancellationToken);

    public async Task<Result<IReadOnlyList<StackResource>>> ListStackResourcesAsync(ActingIdentity identity, string stackName, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.DescribeStackResources, new CfnDescribeStackResourcesRequest { StackName = stackName }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => (IReadOnlyList<StackResource>)(r.StackResources?.Select(s => new StackResource(
            s.LogicalResourceId ?? string.Empty, s.PhysicalResourceId, s.ResourceType ?? string.Empty, s.ResourceStatus, s.ResourceStatusReason, s.Timestamp)).ToList() ?? []));
    }

    public async Task<Result<TemplateValidation>> ValidateTemplateAsync(ActingIdentity identity, StackTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (CheckTemplate(template) is { } invalid)
        {
            return invalid;
        }

        var response = await _client.SendAsync(Ops.ValidateTemplate, new CfnValidateTemplateRequest { TemplateBody = template.Body, TemplateURL = template.Url }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => new TemplateValidation(
            r.Description,
            r.Parameters?.Select(p => new TemplateParameterInfo(p.ParameterKey ?? string.Empty, p.DefaultValue, p.NoEcho ?? false, p.Description)).ToList() ?? [],
            r.Capabilities ?? [],
            r.CapabilitiesReason));
    }

    public async Task<Result<string>> GetTemplateAsync(ActingIdentity identity, string stackName, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.GetTemplate, new CfnGetTemplateRequest { StackName = stackName, TemplateStage = "Original" }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => r.TemplateBody ?? string.Empty);
    }

    public IAsyncEnumerable<StackExport> ListExportsAsync(ActingIdentity identity, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(Ops.ListExports, new CfnListExportsRequest { NextToken = token }, identity, ct),
            page => page.Exports?.Select(e => new StackExport(e.Name ?? string.Empty, e.Value ?? string.Empty, e.ExportingStackId)),
            page => page.NextToken,
            cancellationToken);

    private static Error? CheckTemplate(StackTemplate template)
    {
        if ((template.Body is null) == (template.Url is null))
        {
            return Error.Validation("InvalidTemplate", "Give a template either inline or by URL, not both and not neither.", "Template");
        }

        if (template.Body is not null && System.Text.Encoding.UTF8.GetByteCount(template.Body) > MaxInlineTemplateBytes)
        {
            return Error.Validation("TemplateTooLarge", "An inline template may be at most 51,200 bytes; upload it and pass its URL instead.", "Template");
        }

        return null;
    }

    private static IReadOnlyList<CfnParameter>? ToWire(IReadOnlyList<StackParameter> parameters) =>
        parameters.Count == 0
            ? null
            : parameters.Select(p => p.UsePreviousValue
                ? new CfnParameter { ParameterKey = p.Key, UsePreviousValue = true }
                : new CfnParameter { ParameterKey = p.Key, ParameterValue = p.Value }).ToList();

    private static Stack ToStack(CfnStack s) => new(
        s.StackId ?? string.Empty,
        s.StackName ?? string.Empty,
        s.StackStatus,
        s.StackStatusReason,
        s.Description,
        s.CreationTime,
        s.LastUpdatedTime,
        s.Parameters?.Select(p => new StackParameter(p.ParameterKey ?? string.Empty, p.ParameterValue)).ToList() ?? [],
        s.Outputs?.Select(o => new StackOutput(o.OutputKey ?? string.Empty, o.OutputValue, o.Description, o.ExportName)).ToList() ?? [],
        s.Capabilities ?? [],
        s.Tags?.Select(t => new ResourceTag(t.Key ?? string.Empty, t.Value ?? string.Empty)).ToList() ?? []);
}
