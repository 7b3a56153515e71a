using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>The asynchronous half of stack operations: provisioning, rollback and cleanup.</summary>
public sealed partial class StackOrchestrator
{
    private async Task<Stack> ExecuteCreateAsync(StackOperation operation, CancellationToken cancellationToken)
    {
        var stack = operation.Stack;
        var graph = operation.Graph!;
        var token = Guid.NewGuid().ToString();
        var evaluator = NewEvaluator(stack, stack.Template, stack.Parameters);
        stack.ResourceOrder = graph.CreationOrder;

        string? failed = null;
        foreach (var logicalId in graph.CreationOrder)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var declaration = stack.Template.FindResource(logicalId)!;
            if (!await CreateResourceAsync(stack, declaration, graph.DependenciesOf(logicalId), evaluator, token, replacing: null, cancellationToken)
                .ConfigureAwait(false))
            {
                failed = logicalId;
                break;
            }
        }

        string summary;
        if (failed is null)
        {
            var outputError = PublishOutputs(stack, stack.Template, evaluator);
            if (outputError is null)
            {
                stack.FailureReason = null;
                SetStackStatus(stack, StackStatus.CreateComplete, null);
                return stack;
            }

            stack.FailureReason = outputError;
            summary = outputError + ". Rollback requested by user.";
        }
        else
        {
            summary = $"The following resource(s) failed to create: [{failed}]. Rollback requested by user.";
        }

        stack.LastFailureSummary = summary;
        if (operation.OnFailure == OnFailure.DoNothing)
        {
            SetStackStatus(stack, StackStatus.CreateFailed, summary);
            return stack;
        }

        if (operation.OnFailure == OnFailure.Delete)
        {
            SetStackStatus(stack, StackStatus.DeleteInProgress, summary);
            return await ExecuteDeleteAsync(stack, cancellationToken).ConfigureAwait(false);
        }

        SetStackStatus(stack, StackStatus.RollbackInProgress, summary);
        var undeleted = await DeleteResourcesAsync(stack, stack.ResourceOrder.Reverse().ToList(), token, cancellationToken).ConfigureAwait(false);
        Exports.Release(stack.StackId);
        SetStackStatus(
            stack,
            undeleted.Count == 0 ? StackStatus.RollbackComplete : StackStatus.RollbackFailed,
            undeleted.Count == 0 ? null : $"The following resource(s) failed to delete: [{string.Join(", ", undeleted)}]. ");
        return stack;
    }

    /// <summary>Creates one resource (or its replacement); false when it failed, with CREATE_FAILED/UPDATE_FAILED recorded.</summary>
    private async Task<bool> CreateResourceAsync(
        Stack stack,
        ResourceDeclaration declaration,
        IReadOnlySet<string> dependsOn,
        TemplateEvaluator evaluator,
        string token,
        StackResource? replacing,
        CancellationToken cancellationToken)
    {
        var id = declaration.LogicalId;
        var inProgress = replacing is null ? StackStatus.CreateInProgress : StackStatus.UpdateInProgress;
        var failedStatus = replacing is null ? StackStatus.CreateFailed : StackStatus.UpdateFailed;
        var completeStatus = replacing is null ? StackStatus.CreateComplete : StackStatus.UpdateComplete;
        JsonObject properties;
        try
        {
            properties = evaluator.EvaluateProperties(declaration.Properties);
        }
        catch (CloudFormationException ex)
        {
            return Fail(ex.Message, []);
        }

        Emit(stack, id, declaration.Type, replacing?.PhysicalId, inProgress, replacing is null ? null : ReplacementReason, properties);
        if (MissingRequired(id, declaration.Type, properties) is { } invalid)
        {
            return Fail(invalid, properties);
        }

        if (declaration.Type == ResourceTypeCatalog.NestedStackType)
        {
            return await CreateNestedAsync(stack, declaration, dependsOn, properties, cancellationToken).ConfigureAwait(false);
        }

        var result = await ProvisionAsync(() => _provisioner.CreateAsync(Request(stack, id, declaration.Type, properties), cancellationToken)).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Fail(result.StatusReason(token), properties);
        }

        if (replacing is null)
        {
            Emit(stack, id, declaration.Type, result.PhysicalId, StackStatus.CreateInProgress, "Resource creation Initiated", properties);
        }

        stack.SetResource(new StackResource(id, declaration.Type, result.PhysicalId, completeStatus, null, _time.GetUtcNow(), properties, result.Attributes, dependsOn)
        {
            DeletionPolicy = declaration.DeletionPolicy,
        });
        Emit(stack, id, declaration.Type, result.PhysicalId, completeStatus, null, properties);
        return true;

        bool Fail(string reason, JsonObject failedProperties)
        {
            stack.FailureReason = reason;
            if (replacing is null)
            {
                stack.SetResource(new StackResource(id, declaration.Type, null, failedStatus, reason, _time.GetUtcNow(), failedProperties,
                    new Dictionary<string, JsonNode?>(), dependsOn));
            }

            Emit(stack, id, declaration.Type, replacing?.PhysicalId, failedStatus, reason);
            return false;
        }
    }

    private async Task<bool> CreateNestedAsync(
        Stack parent, ResourceDeclaration declaration, IReadOnlySet<string> dependsOn, JsonObject properties, CancellationToken cancellationToken)
    {
        var id = declaration.LogicalId;
        var childName = PhysicalIds.GenerateName(parent.StackName, id, 128, lowerCase: false);
        Stack child;
        try
        {
            var operation = await BeginCreateStackAsync(
                new CreateStackRequest(childName)
                {
                    TemplateUrl = TemplateValues.AsString(properties["TemplateURL"]),
                    Parameters = NestedParameters(properties),
                    Capabilities = parent.Capabilities,
                    Tags = parent.Tags,
                    NotificationArns = parent.NotificationArns,
                    RoleArn = parent.RoleArn,
                    Caller = parent.OperationCaller,
                    ParentId = parent.StackId,
                    RootId = parent.RootId ?? parent.StackId,
                },
                cancellationToken).ConfigureAwait(false);
            Emit(parent, id, declaration.Type, operation.Stack.StackId, StackStatus.CreateInProgress, "Resource creation Initiated", properties);
            child = await RunAsync(operation, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudFormationException ex)
        {
            return RecordNestedFailure(parent, declaration, dependsOn, properties, null, ex.Message, StackStatus.CreateFailed);
        }

        if (child.Status != StackStatus.CreateComplete)
        {
            var reason = $"Embedded stack {child.StackId} was not successfully created: {child.LastFailureSummary ?? child.StatusReason}";
            return RecordNestedFailure(parent, declaration, dependsOn, properties, child.StackId, reason, StackStatus.CreateFailed);
        }

        parent.SetResource(new StackResource(id, declaration.Type, child.StackId, StackStatus.CreateComplete, null, _time.GetUtcNow(), properties,
            NestedAttributes(child), dependsOn)
        {
            DeletionPolicy = declaration.DeletionPolicy,
        });
        Emit(parent, id, declaration.Type, child.StackId, StackStatus.CreateComplete, null, properties);
        return true;
    }

    private bool RecordNestedFailure(
        Stack parent, ResourceDeclaration declaration, IReadOnlySet<string> dependsOn, JsonObject properties, string? childId, string reason, string status)
    {
        parent.FailureReason = reason;
        parent.SetResource(new StackResource(declaration.LogicalId, declaration.Type, childId, status, reason, _time.GetUtcNow(), properties,
            new Dictionary<string, JsonNode?>(), dependsOn));
        Emit(parent, declaration.LogicalId, declaration.Type, childId, status, reason);
        return false;
    }

    private static List<ParameterInput> NestedParameters(JsonObject properties) =>
        (properties["Parameters"] as JsonObject ?? [])
            .Select(p => new ParameterInput(
                p.Key,
                p.Value is JsonArray list ? string.Join(',', list.Select(TemplateValues.AsString)) : TemplateValues.AsString(p.Value) ?? string.Empty))
            .ToList();

    private static Dictionary<string, JsonNode?> NestedAttributes(Stack child)
    {
        var attributes = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["StackId"] = child.StackId,
            ["ParentId"] = child.ParentId,
            ["RootId"] = child.RootId,
            ["StackStatus"] = child.Status,
            ["CreationTime"] = child.CreationTime.ToString("O"),
            ["Outputs"] = new JsonArray(child.Outputs
                .Select(o => (JsonNode?)new JsonObject { ["OutputKey"] = o.OutputKey, ["OutputValue"] = o.OutputValue })
                .ToArray()),
        };
        foreach (var output in child.Outputs)
        {
            attributes["Outputs." + output.OutputKey] = output.OutputValue;
        }

        return attributes;
    }

    /// <summary>Evaluates outputs and applies exports and imports; AWS's failure text, or null.</summary>
    private string? PublishOutputs(Stack stack, Template template, TemplateEvaluator evaluator)
    {
        var outputs = new List<StackOutput>();
        var exports = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var output in template.Outputs)
            {
                if (output.Condition is not null && !evaluator.IsConditionTrue(output.Condition))
                {
                    continue;
                }

                var value = evaluator.Evaluate(output.Value);
                var text = value is JsonArray list ? string.Join(',', list.Select(TemplateValues.AsString)) : TemplateValues.AsString(value) ?? string.Empty;
                var exportName = output.ExportName is null ? null : TemplateValues.AsString(evaluator.Evaluate(output.ExportName));
                if (exportName is not null)
                {
                    if (exports.ContainsKey(exportName))
                    {
                        return $"Template error: duplicate export name {exportName}";
                    }

                    exports[exportName] = text;
                }

                outputs.Add(new StackOutput(output.Name, text, output.Description, exportName));
            }
        }
        catch (CloudFormationException ex)
        {
            return ex.Message;
        }

        if (Exports.TrySetExports(stack.StackId, exports, Stacks.NameOf) is { } exportError)
        {
            return exportError;
        }

        Exports.SetImports(stack.StackId, evaluator.ImportedExports);
        stack.Outputs = outputs;
        return null;
    }

    private async Task<Stack> ExecuteDeleteAsync(Stack stack, CancellationToken cancellationToken, IReadOnlySet<string>? retain = null)
    {
        if (Exports.DeletionBlocker(stack.StackId, Stacks.NameOf) is { } blocker)
        {
            SetStackStatus(stack, StackStatus.DeleteFailed, blocker);
            return stack;
        }

        var token = Guid.NewGuid().ToString();
        var order = stack.ResourceOrder.Reverse().Concat(stack.GetResources().Select(r => r.LogicalId)).Distinct().ToList();
        var undeleted = await DeleteResourcesAsync(stack, order, token, cancellationToken, retain).ConfigureAwait(false);
        if (undeleted.Count > 0)
        {
            SetStackStatus(stack, StackStatus.DeleteFailed, $"The following resource(s) failed to delete: [{string.Join(", ", undeleted)}]. ");
            return stack;
        }

        Exports.Release(stack.StackId);
        stack.DeletionTime = _time.GetUtcNow();
        SetStackStatus(stack, StackStatus.DeleteComplete, null);
        return stack;
    }

    /// <summary>Deletes the listed resources in the given order; returns those that failed (their dependencies are kept).</summary>
    private async Task<List<string>> DeleteResourcesAsync(
        Stack stack, IReadOnlyList<string> order, string token, CancellationToken cancellationToken, IReadOnlySet<string>? retain = null)
    {
        var failed = new List<string>();
        foreach (var logicalId in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (stack.FindResource(logicalId) is not { } resource)
            {
                continue;
            }

            if (stack.GetResources().Any(other => other.LogicalId != logicalId && other.DependsOn.Contains(logicalId)))
            {
                continue;
            }

            if (resource.PhysicalId is null)
            {
                stack.RemoveResource(logicalId);
                Emit(stack, logicalId, resource.Type, null, StackStatus.DeleteComplete, null);
                continue;
            }

            if (resource.DeletionPolicy == "Retain" || (retain?.Contains(logicalId) ?? false))
            {
                stack.RemoveResource(logicalId);
                Emit(stack, logicalId, resource.Type, resource.PhysicalId, StackStatus.DeleteSkipped, null);
                continue;
            }

            Emit(stack, logicalId, resource.Type, resource.PhysicalId, StackStatus.DeleteInProgress, null);
            var result = await DeletePhysicalAsync(stack, resource, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                stack.RemoveResource(logicalId);
                Emit(stack, logicalId, resource.Type, resource.PhysicalId, StackStatus.DeleteComplete, null);
            }
            else
            {
                var reason = result.StatusReason(token);
                stack.SetResource(resource with { Status = StackStatus.DeleteFailed, StatusReason = reason, LastUpdated = _time.GetUtcNow() });
                Emit(stack, logicalId, resource.Type, resource.PhysicalId, StackStatus.DeleteFailed, reason);
                failed.Add(logicalId);
            }
        }

        return failed;
    }

    /// <summary>Deletes one physical resource (or nested stack); null on success, else the failure.</summary>
    private async Task<ProvisioningResult?> DeletePhysicalAsync(Stack stack, StackResource resource, CancellationToken cancellationToken)
    {
        if (resource.Type == ResourceTypeCatalog.NestedStackType)
        {
            var operation = BeginDeleteStack(resource.PhysicalId!, null, stack.OperationCaller);
            var child = operation is null ? null : await RunAsync(operation, cancellationToken).ConfigureAwait(false);
            return child is null || child.Status == StackStatus.DeleteComplete
                ? null
                : ProvisioningResult.Failure($"Embedded stack {child.StackId} was not successfully deleted: {child.StatusReason}", null);
        }

        var request = Request(stack, resource.LogicalId, resource.Type, resource.Properties) with
        {
            PhysicalId = resource.PhysicalId,
            PreviousProperties = resource.Properties,
            PreviousAttributes = resource.Attributes,
        };
        var result = await ProvisionAsync(() => _provisioner.DeleteAsync(request, cancellationToken)).ConfigureAwait(false);
        return result.Succeeded ? null : result;
    }
}
