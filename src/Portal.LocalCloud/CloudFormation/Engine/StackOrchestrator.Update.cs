using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>UpdateStack execution: in-place updates, replacements, cleanup and update rollback.</summary>
public sealed partial class StackOrchestrator
{
    private async Task<Stack> ExecuteUpdateAsync(StackOperation operation, CancellationToken cancellationToken)
    {
        var stack = operation.Stack;
        var graph = operation.Graph!;
        var token = Guid.NewGuid().ToString();
        var oldTemplate = stack.Template;
        var oldParameters = stack.Parameters;
        var oldCapabilities = stack.Capabilities;
        var oldTags = stack.Tags;
        var oldRole = stack.RoleArn;
        var oldOrder = stack.ResourceOrder;
        var oldResources = stack.GetResources().ToDictionary(r => r.LogicalId, StringComparer.Ordinal);

        stack.Template = operation.Template!;
        stack.Parameters = operation.Parameters!;
        stack.Capabilities = operation.Capabilities;
        stack.Tags = operation.Tags ?? stack.Tags;
        stack.RoleArn = operation.RoleArn;
        var evaluator = NewEvaluator(stack, stack.Template, stack.Parameters);
        var applied = new List<AppliedChange>();
        string? failed = null;
        var failedVerb = "update";

        foreach (var logicalId in graph.CreationOrder)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var declaration = stack.Template.FindResource(logicalId)!;
            var dependsOn = graph.DependenciesOf(logicalId);
            oldResources.TryGetValue(logicalId, out var old);
            if (old?.PhysicalId is null)
            {
                if (!await CreateResourceAsync(stack, declaration, dependsOn, evaluator, token, replacing: null, cancellationToken).ConfigureAwait(false))
                {
                    (failed, failedVerb) = (logicalId, "create");
                    break;
                }

                applied.Add(new AppliedChange(logicalId, ChangeAction.Add, null, stack.FindResource(logicalId)));
                continue;
            }

            var outcome = await UpdateResourceAsync(stack, declaration, old, dependsOn, evaluator, token, cancellationToken).ConfigureAwait(false);
            if (outcome is null)
            {
                failed = logicalId;
                break;
            }

            if (outcome.Action != ChangeAction.None)
            {
                applied.Add(outcome);
            }
        }

        string? outputError = null;
        if (failed is null && (outputError = PublishOutputs(stack, stack.Template, evaluator)) is null)
        {
            SetStackStatus(stack, StackStatus.UpdateCompleteCleanupInProgress, null);
            foreach (var change in applied.Where(a => a.Action == ChangeAction.Replace).Reverse())
            {
                await DeleteReplacedAsync(stack, change.Old!, token, cancellationToken).ConfigureAwait(false);
            }

            var kept = graph.CreationOrder.ToHashSet(StringComparer.Ordinal);
            var removed = oldOrder.Where(id => !kept.Contains(id)).Reverse().ToList();
            await DeleteResourcesAsync(stack, removed, token, cancellationToken).ConfigureAwait(false);
            stack.ResourceOrder = graph.CreationOrder;
            stack.LastUpdatedTime = _time.GetUtcNow();
            stack.FailureReason = null;
            SetStackStatus(stack, StackStatus.UpdateComplete, null);
            return stack;
        }

        var summary = outputError ?? $"The following resource(s) failed to {failedVerb}: [{failed}]. ";
        stack.LastFailureSummary = summary;
        if (operation.DisableRollback)
        {
            SetStackStatus(stack, StackStatus.UpdateFailed, summary);
            return stack;
        }

        SetStackStatus(stack, StackStatus.UpdateRollbackInProgress, summary);
        stack.Template = oldTemplate;
        stack.Parameters = oldParameters;
        stack.Capabilities = oldCapabilities;
        stack.Tags = oldTags;
        stack.RoleArn = oldRole;
        var rollbackFailed = false;
        if (failed is not null && oldResources.TryGetValue(failed, out var failedOld))
        {
            stack.SetResource(failedOld);
        }
        else if (failed is not null)
        {
            stack.RemoveResource(failed);
        }

        foreach (var change in Enumerable.Reverse(applied))
        {
            rollbackFailed |= !await RevertAsync(stack, change, token, cancellationToken).ConfigureAwait(false);
        }

        SetStackStatus(stack, StackStatus.UpdateRollbackCompleteCleanupInProgress, null);
        foreach (var change in Enumerable.Reverse(applied))
        {
            if (change.Action == ChangeAction.Add && change.New is { } added)
            {
                stack.SetResource(added);
                rollbackFailed |= (await DeleteResourcesAsync(stack, [added.LogicalId], token, cancellationToken).ConfigureAwait(false)).Count > 0;
            }
            else if (change.Action == ChangeAction.Replace && change.New is { } replacement)
            {
                await DeleteReplacedAsync(stack, replacement, token, cancellationToken).ConfigureAwait(false);
            }
        }

        stack.ResourceOrder = oldOrder;
        SetStackStatus(stack, rollbackFailed ? StackStatus.UpdateRollbackFailed : StackStatus.UpdateRollbackComplete, null);
        return stack;
    }

    /// <summary>Updates or replaces one existing resource; null when it failed (UPDATE_FAILED recorded).</summary>
    private async Task<AppliedChange?> UpdateResourceAsync(
        Stack stack, ResourceDeclaration declaration, StackResource old, IReadOnlySet<string> dependsOn, TemplateEvaluator evaluator, string token,
        CancellationToken cancellationToken)
    {
        var id = declaration.LogicalId;
        JsonObject properties;
        try
        {
            properties = evaluator.EvaluateProperties(declaration.Properties);
        }
        catch (CloudFormationException ex)
        {
            return Failed(ex.Message);
        }

        if (declaration.Type == ResourceTypeCatalog.NestedStackType && old.Type == declaration.Type)
        {
            return await UpdateNestedAsync(stack, declaration, old, dependsOn, properties, cancellationToken).ConfigureAwait(false);
        }

        var change = UpdatePlanner.Classify(id, old.Type, old.Properties, declaration.Type, properties);
        switch (change.Action)
        {
            case ChangeAction.None:
                stack.SetResource(old with { DependsOn = dependsOn, DeletionPolicy = declaration.DeletionPolicy });
                return new AppliedChange(id, ChangeAction.None, old, old);

            case ChangeAction.Replace:
                var info = ResourceTypeCatalog.Get(declaration.Type);
                if (info.NameProperty is { } nameProperty && TemplateValues.AsString(properties[nameProperty]) is { } name
                    && name == TemplateValues.AsString(old.Properties[nameProperty]))
                {
                    return Failed($"CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename {name} and update the stack again.");
                }

                if (!await CreateResourceAsync(stack, declaration, dependsOn, evaluator, token, replacing: old, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                return new AppliedChange(id, ChangeAction.Replace, old, stack.FindResource(id));

            default:
                Emit(stack, id, declaration.Type, old.PhysicalId, StackStatus.UpdateInProgress, null, properties);
                if (MissingRequired(id, declaration.Type, properties) is { } invalid)
                {
                    return Failed(invalid);
                }

                var request = Request(stack, id, declaration.Type, properties) with
                {
                    PhysicalId = old.PhysicalId,
                    PreviousProperties = old.Properties,
                    PreviousAttributes = old.Attributes,
                };
                var result = await ProvisionAsync(() => _provisioner.UpdateAsync(request, cancellationToken)).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    return Failed(result.StatusReason(token));
                }

                var updated = new StackResource(id, declaration.Type, result.PhysicalId ?? old.PhysicalId, StackStatus.UpdateComplete, null,
                    _time.GetUtcNow(), properties, result.Attributes.Count > 0 ? result.Attributes : old.Attributes, dependsOn)
                {
                    DeletionPolicy = declaration.DeletionPolicy,
                };
                stack.SetResource(updated);
                Emit(stack, id, declaration.Type, updated.PhysicalId, StackStatus.UpdateComplete, null, properties);
                return new AppliedChange(id, ChangeAction.UpdateInPlace, old, updated);
        }

        AppliedChange? Failed(string reason)
        {
            stack.FailureReason = reason;
            stack.SetResource(old with { Status = StackStatus.UpdateFailed, StatusReason = reason });
            Emit(stack, id, declaration.Type, old.PhysicalId, StackStatus.UpdateFailed, reason);
            return null;
        }
    }

    private async Task<AppliedChange?> UpdateNestedAsync(
        Stack parent, ResourceDeclaration declaration, StackResource old, IReadOnlySet<string> dependsOn, JsonObject properties,
        CancellationToken cancellationToken)
    {
        var id = declaration.LogicalId;
        var child = Stacks.Get(old.PhysicalId!);
        var previous = new NestedRevision(child.Template.Body, child.Parameters.Values.Select(p => new ParameterInput(p.Name, p.SuppliedValue)).ToList());
        Emit(parent, id, declaration.Type, child.StackId, StackStatus.UpdateInProgress, null, properties);
        try
        {
            var operation = await BeginUpdateStackAsync(
                new UpdateStackRequest(child.StackId)
                {
                    TemplateUrl = TemplateValues.AsString(properties["TemplateURL"]),
                    Parameters = NestedParameters(properties),
                    Capabilities = parent.Capabilities,
                    RoleArn = parent.RoleArn,
                    Caller = parent.OperationCaller,
                },
                cancellationToken).ConfigureAwait(false);
            child = await RunAsync(operation, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudFormationException ex) when (ex.Message == "No updates are to be performed.")
        {
            // An unchanged child still reports UPDATE_COMPLETE under its parent.
        }
        catch (CloudFormationException ex)
        {
            return NestedFailed(ex.Message);
        }

        if (child.Status is not (StackStatus.UpdateComplete or StackStatus.CreateComplete))
        {
            return NestedFailed($"Embedded stack {child.StackId} was not successfully updated. Currently in {child.Status} with reason: {child.LastFailureSummary}");
        }

        var updated = new StackResource(id, declaration.Type, child.StackId, StackStatus.UpdateComplete, null, _time.GetUtcNow(), properties,
            NestedAttributes(child), dependsOn)
        {
            DeletionPolicy = declaration.DeletionPolicy,
        };
        parent.SetResource(updated);
        Emit(parent, id, declaration.Type, child.StackId, StackStatus.UpdateComplete, null, properties);
        return new AppliedChange(id, ChangeAction.UpdateInPlace, old, updated) { NestedPrevious = previous };

        AppliedChange? NestedFailed(string reason)
        {
            parent.FailureReason = reason;
            parent.SetResource(old with { Status = StackStatus.UpdateFailed, StatusReason = reason });
            Emit(parent, id, declaration.Type, old.PhysicalId, StackStatus.UpdateFailed, reason);
            return null;
        }
    }

    /// <summary>Puts an updated or replaced resource back as it was; false when the provisioner refused.</summary>
    private async Task<bool> RevertAsync(Stack stack, AppliedChange change, string token, CancellationToken cancellationToken)
    {
        var old = change.Old;
        if (old is null || change.New is null)
        {
            return true;
        }

        Emit(stack, old.LogicalId, old.Type, old.PhysicalId, StackStatus.UpdateInProgress, null, old.Properties);
        if (change.NestedPrevious is { } previous)
        {
            try
            {
                var operation = await BeginUpdateStackAsync(
                    new UpdateStackRequest(old.PhysicalId!) { TemplateBody = previous.Body, Parameters = previous.Parameters, Capabilities = stack.Capabilities },
                    cancellationToken).ConfigureAwait(false);
                await RunAsync(operation, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudFormationException ex) when (ex.Message == "No updates are to be performed.")
            {
                // The child was never changed.
            }
        }
        else if (change.Action == ChangeAction.UpdateInPlace)
        {
            var request = Request(stack, old.LogicalId, old.Type, old.Properties) with
            {
                PhysicalId = change.New.PhysicalId,
                PreviousProperties = change.New.Properties,
                PreviousAttributes = change.New.Attributes,
            };
            var result = await ProvisionAsync(() => _provisioner.UpdateAsync(request, cancellationToken)).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var reason = result.StatusReason(token);
                stack.SetResource(old with { Status = StackStatus.UpdateFailed, StatusReason = reason });
                Emit(stack, old.LogicalId, old.Type, old.PhysicalId, StackStatus.UpdateFailed, reason);
                return false;
            }
        }

        stack.SetResource(old with { Status = StackStatus.UpdateComplete, StatusReason = null, LastUpdated = _time.GetUtcNow() });
        Emit(stack, old.LogicalId, old.Type, old.PhysicalId, StackStatus.UpdateComplete, null, old.Properties);
        return true;
    }

    /// <summary>Deletes the physical resource a replacement superseded (cleanup); a refusal is recorded but does not fail the stack.</summary>
    private async Task DeleteReplacedAsync(Stack stack, StackResource superseded, string token, CancellationToken cancellationToken)
    {
        Emit(stack, superseded.LogicalId, superseded.Type, superseded.PhysicalId, StackStatus.DeleteInProgress, null);
        var failure = await DeletePhysicalAsync(stack, superseded, cancellationToken).ConfigureAwait(false);
        Emit(stack, superseded.LogicalId, superseded.Type, superseded.PhysicalId,
            failure is null ? StackStatus.DeleteComplete : StackStatus.DeleteFailed, failure?.StatusReason(token));
    }

    private sealed record NestedRevision(string Body, IReadOnlyList<ParameterInput> Parameters);

    private sealed record AppliedChange(string LogicalId, ChangeAction Action, StackResource? Old, StackResource? New)
    {
        public NestedRevision? NestedPrevious { get; init; }
    }
}
