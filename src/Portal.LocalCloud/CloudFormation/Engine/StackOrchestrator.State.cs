using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>Capture and restore of the orchestrator's stacks and exports for persistence.</summary>
public sealed partial class StackOrchestrator
{
    /// <summary>A deep copy of every stack (live and deleted), export and import. Take it when no operation runs.</summary>
    public CloudFormationState CaptureState()
    {
        var (exports, importers) = Exports.Capture();
        return new CloudFormationState(Stacks.All().Select(Capture).ToList(), exports, importers);
    }

    /// <summary>Loads a captured state into this orchestrator, which must not hold any stack yet. Templates are re-parsed.</summary>
    public void RestoreState(CloudFormationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Stacks.All().Count > 0)
        {
            throw new InvalidOperationException("State can only be restored into an orchestrator without stacks.");
        }

        foreach (var saved in state.Stacks)
        {
            Stacks.Restore(Restore(saved));
        }

        Exports.Restore(state.Exports, state.Importers);
    }

    private static StackState Capture(Stack stack) => new(
        stack.StackId,
        stack.StackName,
        stack.Status,
        stack.StatusReason,
        stack.FailureReason,
        stack.LastFailureSummary,
        stack.Template.Body,
        stack.Parameters.Values.Select(p => new ParameterState(p.Name, p.SuppliedValue, p.Value.DeepClone(), p.ResolvedValue)).ToList(),
        stack.Capabilities.ToList(),
        new Dictionary<string, string>(stack.Tags),
        stack.NotificationArns.ToList(),
        stack.Outputs.ToList(),
        stack.DisableRollback,
        stack.CreationTime,
        stack.LastUpdatedTime,
        stack.DeletionTime,
        stack.ParentId,
        stack.RootId,
        stack.GetEvents().ToList(),
        stack.GetResources().Select(r => new StackResourceState(
            r.LogicalId, r.Type, r.PhysicalId, r.Status, r.StatusReason, r.LastUpdated, (JsonObject)r.Properties.DeepClone(),
            r.Attributes.ToDictionary(a => a.Key, a => a.Value?.DeepClone(), StringComparer.Ordinal), r.DependsOn.Order(StringComparer.Ordinal).ToList(),
            r.DeletionPolicy)).ToList(),
        stack.ResourceOrder.ToList(),
        stack.RoleArn);

    private Stack Restore(StackState saved)
    {
        var template = TemplateParser.Parse(saved.TemplateBody);
        var stack = new Stack(saved.StackId, saved.StackName, Environment, saved.CreationTime)
        {
            Status = saved.Status,
            StatusReason = saved.StatusReason,
            FailureReason = saved.FailureReason,
            LastFailureSummary = saved.LastFailureSummary,
            Template = template,
            Parameters = saved.Parameters.ToDictionary(
                p => p.Name,
                p => new ResolvedParameter(
                    template.FindParameter(p.Name) ?? throw new InvalidOperationException($"Parameter {p.Name} is not in the saved template of {saved.StackName}."),
                    p.SuppliedValue,
                    p.Value.DeepClone(),
                    p.ResolvedValue),
                StringComparer.Ordinal),
            Capabilities = saved.Capabilities,
            Tags = saved.Tags,
            NotificationArns = saved.NotificationArns,
            Outputs = saved.Outputs,
            DisableRollback = saved.DisableRollback,
            LastUpdatedTime = saved.LastUpdatedTime,
            DeletionTime = saved.DeletionTime,
            ParentId = saved.ParentId,
            RootId = saved.RootId,
            RoleArn = saved.RoleArn,
        };
        foreach (var stackEvent in saved.Events)
        {
            stack.AddEvent(stackEvent);
        }

        stack.ReplaceResources(
            saved.Resources.Select(r => new StackResource(
                r.LogicalId, r.Type, r.PhysicalId, r.Status, r.StatusReason, r.LastUpdated, (JsonObject)r.Properties.DeepClone(),
                r.Attributes.ToDictionary(a => a.Key, a => a.Value?.DeepClone(), StringComparer.Ordinal),
                r.DependsOn.ToHashSet(StringComparer.Ordinal))
            {
                DeletionPolicy = r.DeletionPolicy,
            }),
            saved.ResourceOrder);
        return stack;
    }
}
