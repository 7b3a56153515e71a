using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// Runs CreateStack, UpdateStack and DeleteStack for one account and Region: validation with AWS's synchronous
/// errors, then resources in dependency order through an <see cref="IResourceProvisioner"/>, with stack events,
/// outputs, exports, rollback and nested stacks. Resources are processed one at a time, in a deterministic order.
/// </summary>
public sealed partial class StackOrchestrator
{
    private const string UserInitiated = "User Initiated";
    private const string ReplacementReason = "Requested update requires the creation of a new physical resource; hence creating one.";
    private readonly IResourceProvisioner _provisioner;
    private readonly TimeProvider _time;
    private readonly ISsmParameterResolver? _ssm;
    private readonly ITemplateSource? _templates;
    private readonly IAwsParameterValidator? _awsParameterValues;

    public StackOrchestrator(
        StackEnvironment environment,
        IResourceProvisioner provisioner,
        TimeProvider time,
        ISsmParameterResolver? ssm = null,
        ITemplateSource? templates = null,
        StackRegistry? stacks = null,
        ExportRegistry? exports = null,
        IAwsParameterValidator? awsParameterValues = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(provisioner);
        ArgumentNullException.ThrowIfNull(time);
        Environment = environment;
        _provisioner = provisioner;
        _time = time;
        _ssm = ssm;
        _templates = templates;
        _awsParameterValues = awsParameterValues;
        Stacks = stacks ?? new StackRegistry();
        Exports = exports ?? new ExportRegistry();
    }

    public StackEnvironment Environment { get; }

    public StackRegistry Stacks { get; }

    public ExportRegistry Exports { get; }

    /// <summary>Validates and runs a CreateStack to completion.</summary>
    public async Task<Stack> CreateStackAsync(CreateStackRequest request, CancellationToken cancellationToken)
    {
        var operation = await BeginCreateStackAsync(request, cancellationToken).ConfigureAwait(false);
        return await RunAsync(operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Validates and runs an UpdateStack to completion.</summary>
    public async Task<Stack> UpdateStackAsync(UpdateStackRequest request, CancellationToken cancellationToken)
    {
        var operation = await BeginUpdateStackAsync(request, cancellationToken).ConfigureAwait(false);
        return await RunAsync(operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a DeleteStack to completion; a missing stack is a no-op (null), as DeleteStack succeeds on AWS.</summary>
    public Task<Stack?> DeleteStackAsync(string stackNameOrId, CancellationToken cancellationToken) =>
        DeleteStackAsync(stackNameOrId, null, cancellationToken);

    /// <summary>DeleteStack with <c>RetainResources</c> (only for a stack in DELETE_FAILED): those resources are skipped.</summary>
    public async Task<Stack?> DeleteStackAsync(string stackNameOrId, IReadOnlyCollection<string>? retainResources, CancellationToken cancellationToken)
    {
        var operation = BeginDeleteStack(stackNameOrId, retainResources);
        return operation is null ? null : await RunAsync(operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The synchronous half of CreateStack: every check AWS answers with HTTP 400, then registers the stack in
    /// CREATE_IN_PROGRESS. Throws <see cref="CloudFormationException"/>; nothing is registered then.
    /// </summary>
    public async Task<StackOperation> BeginCreateStackAsync(CreateStackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        StackRegistry.ValidateName(request.StackName);
        if (Stacks.Find(request.StackName) is not null)
        {
            throw new CloudFormationException(CloudFormationException.AlreadyExists, $"Stack [{request.StackName}] already exists");
        }

        var body = await LoadBodyAsync(request.TemplateBody, request.TemplateUrl, cancellationToken).ConfigureAwait(false);
        var template = TemplateParser.Parse(body);
        Capabilities.Check(template, request.Capabilities);
        var parameters = await ParameterResolver.ResolveAsync(template, request.Parameters, null, _ssm, _awsParameterValues, cancellationToken).ConfigureAwait(false);
        var stackId = $"arn:{Environment.Partition}:cloudformation:{Environment.Region}:{Environment.AccountId}:stack/{request.StackName}/{Guid.NewGuid()}";
        var valueOf = await RuleEvaluator.FetchValueOfAsync(template.Rules, parameters, _awsParameterValues, cancellationToken).ConfigureAwait(false);
        var graph = Validate(template, parameters, request.StackName, stackId, valueOf);

        var stack = new Stack(stackId, request.StackName, Environment, _time.GetUtcNow())
        {
            Template = template,
            Parameters = parameters,
            Capabilities = request.Capabilities,
            Tags = request.Tags,
            NotificationArns = request.NotificationArns,
            DisableRollback = request.OnFailure == OnFailure.DoNothing,
            ParentId = request.ParentId,
            RootId = request.RootId,
            RoleArn = request.RoleArn,
            OperationCaller = request.Caller,
        };
        Stacks.Add(stack);
        SetStackStatus(stack, StackStatus.CreateInProgress, UserInitiated);
        return new StackOperation(StackOperationKind.Create, stack)
        {
            Template = template,
            Parameters = parameters,
            Graph = graph,
            OnFailure = request.OnFailure,
            Capabilities = request.Capabilities,
        };
    }

    /// <summary>The synchronous half of UpdateStack; leaves the stack in UPDATE_IN_PROGRESS.</summary>
    public async Task<StackOperation> BeginUpdateStackAsync(UpdateStackRequest request, CancellationToken cancellationToken)
    {
        var (stack, template, parameters, graph) = await PrepareUpdateAsync(request, cancellationToken).ConfigureAwait(false);
        lock (stack.OperationGate)
        {
            EnsureUpdatable(stack);
            SetStackStatus(stack, StackStatus.UpdateInProgress, UserInitiated);
            stack.OperationCaller = request.Caller;
        }

        return new StackOperation(StackOperationKind.Update, stack)
        {
            Template = template,
            Parameters = parameters,
            Graph = graph,
            Capabilities = request.Capabilities,
            Tags = request.Tags,
            DisableRollback = request.DisableRollback,
            RoleArn = request.RoleArn ?? stack.RoleArn,
        };
    }

    /// <summary>Every synchronous UpdateStack check, without changing the stack.</summary>
    private async Task<(Stack Stack, Template Template, IReadOnlyDictionary<string, ResolvedParameter> Parameters, DependencyGraph Graph)> PrepareUpdateAsync(
        UpdateStackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stack = Stacks.Get(request.StackName);
        EnsureUpdatable(stack);

        var body = request.UsePreviousTemplate
            ? stack.Template.Body
            : await LoadBodyAsync(request.TemplateBody, request.TemplateUrl, cancellationToken).ConfigureAwait(false);
        var template = TemplateParser.Parse(body);
        Capabilities.Check(template, request.Capabilities);
        var parameters = await ParameterResolver.ResolveAsync(template, request.Parameters, stack.Parameters, _ssm, _awsParameterValues, cancellationToken)
            .ConfigureAwait(false);
        var valueOf = await RuleEvaluator.FetchValueOfAsync(template.Rules, parameters, _awsParameterValues, cancellationToken).ConfigureAwait(false);
        var graph = Validate(template, parameters, stack.StackName, stack.StackId, valueOf);

        var sameParameters = parameters.Count == stack.Parameters.Count && parameters.All(p =>
            stack.Parameters.TryGetValue(p.Key, out var old) && TemplateValues.DeepEquals(old.Value, p.Value.Value));
        var sameTags = request.Tags is null || request.Tags.OrderBy(t => t.Key).SequenceEqual(stack.Tags.OrderBy(t => t.Key));
        if (body == stack.Template.Body && sameParameters && sameTags)
        {
            throw CloudFormationException.Validation("No updates are to be performed.");
        }

        return (stack, template, parameters, graph);
    }

    /// <summary>The synchronous half of DeleteStack; null when there is nothing to delete.</summary>
    public StackOperation? BeginDeleteStack(string stackNameOrId, IReadOnlyCollection<string>? retainResources = null, StackPrincipal? caller = null)
    {
        var stack = Stacks.Find(stackNameOrId);
        if (stack is null || stack.IsDeleted)
        {
            return null;
        }

        if (retainResources is { Count: > 0 } && stack.Status != StackStatus.DeleteFailed)
        {
            throw CloudFormationException.Validation(
                $"Invalid operation on stack [{stack.StackId}]. RetainResources can only be specified when the stack is in the DELETE_FAILED state");
        }

        lock (stack.OperationGate)
        {
            if (StackStatus.IsInProgress(stack.Status))
            {
                throw CloudFormationException.Validation($"Stack:{stack.StackId} is in {stack.Status} state and can not be deleted.");
            }

            SetStackStatus(stack, StackStatus.DeleteInProgress, UserInitiated);
            stack.OperationCaller = caller;
        }

        return new StackOperation(StackOperationKind.Delete, stack)
        {
            RetainResources = (retainResources ?? []).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>Runs a begun operation to its final status; failures end in the AWS status, never an exception.</summary>
    public Task<Stack> RunAsync(StackOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Kind switch
        {
            StackOperationKind.Create => ExecuteCreateAsync(operation, cancellationToken),
            StackOperationKind.Update => ExecuteUpdateAsync(operation, cancellationToken),
            _ => ExecuteDeleteAsync(operation.Stack, cancellationToken, operation.RetainResources),
        };
    }

    /// <summary>ValidateTemplate: parses and reports parameters and required capabilities.</summary>
    public async Task<TemplateSummary> ValidateTemplateAsync(string? templateBody, string? templateUrl, CancellationToken cancellationToken)
    {
        var template = TemplateParser.Parse(await LoadBodyAsync(templateBody, templateUrl, cancellationToken).ConfigureAwait(false));
        var capabilities = Capabilities.Required(template);
        var iamTypes = template.Resources.Where(r => r.Type.StartsWith("AWS::IAM::", StringComparison.Ordinal)).Select(r => r.Type).Distinct().ToList();
        return new TemplateSummary(
            template.Description,
            template.Parameters,
            capabilities,
            iamTypes.Count > 0 ? $"The following resource(s) require capabilities: [{string.Join(", ", iamTypes)}]" : null,
            template.Transforms);
    }

    private static void EnsureUpdatable(Stack stack)
    {
        if (!StackStatus.IsUpdatable(stack.Status))
        {
            throw CloudFormationException.Validation($"Stack:{stack.StackId} is in {stack.Status} state and can not be updated.");
        }
    }

    private async Task<string> LoadBodyAsync(string? body, string? url, CancellationToken cancellationToken)
    {
        if (body is not null)
        {
            return body;
        }

        if (url is null)
        {
            throw CloudFormationException.Validation("Either Template URL or Template Body must be specified.");
        }

        var fetched = _templates is null ? null : await _templates.GetTemplateBodyAsync(url, cancellationToken).ConfigureAwait(false);
        return fetched ?? throw CloudFormationException.Validation("TemplateURL must reference a valid S3 object to which you have access.");
    }

    /// <summary>Checks rules, conditions, references and cycles without provisioning anything.</summary>
    private DependencyGraph Validate(
        Template template,
        IReadOnlyDictionary<string, ResolvedParameter> parameters,
        string stackName,
        string stackId,
        IReadOnlyDictionary<(string Type, string Value, string Attribute), string> valueOf)
    {
        RuleEvaluator.Check(template.Rules, template, parameters, Environment, valueOf);
        var evaluator = new TemplateEvaluator(new EvaluationScope(template, parameters, Environment, stackName, stackId));
        foreach (var condition in template.Conditions)
        {
            evaluator.IsConditionTrue(condition.Key);
        }

        foreach (var resource in template.Resources.Where(r => r.Condition is not null))
        {
            evaluator.IsConditionTrue(resource.Condition!);
        }

        var declared = template.Resources.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);
        CheckAttributeReferences(template);
        var unresolved = template.Outputs.SelectMany(o => DependencyGraph.References(o.Value))
            .Where(r => !declared.Contains(r) && !parameters.ContainsKey(r) && !r.StartsWith("AWS::", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        if (unresolved.Count > 0)
        {
            throw CloudFormationException.Validation(
                $"Template format error: Unresolved resource dependencies [{string.Join(", ", unresolved)}] in the Outputs block of the template");
        }

        return DependencyGraph.Build(template, id => Included(template, evaluator, id));
    }

    /// <summary>Synchronous GetAtt checks: the resource must be declared and the attribute documented for its type.</summary>
    private static void CheckAttributeReferences(Template template)
    {
        var nodes = template.Resources.Select(r => (JsonNode?)r.Properties).Concat(template.Outputs.Select(o => o.Value));
        foreach (var (logicalId, attribute) in nodes.SelectMany(DependencyGraph.AttributeReferences))
        {
            var target = template.FindResource(logicalId);
            if (target is null)
            {
                if (template.FindParameter(logicalId) is null && !logicalId.StartsWith("AWS::", StringComparison.Ordinal))
                {
                    throw CloudFormationException.Validation($"Template error: instance of Fn::GetAtt references undefined resource {logicalId}");
                }

                continue;
            }

            if (!ResourceTypeCatalog.SupportsAttribute(target.Type, attribute))
            {
                throw CloudFormationException.Validation($"Template error: resource {logicalId} does not support attribute type {attribute} in Fn::GetAtt");
            }
        }
    }

    private static bool Included(Template template, TemplateEvaluator evaluator, string logicalId) =>
        template.FindResource(logicalId)?.Condition is not { } condition || evaluator.IsConditionTrue(condition);

    private TemplateEvaluator NewEvaluator(Stack stack, Template template, IReadOnlyDictionary<string, ResolvedParameter> parameters) =>
        new(new EvaluationScope(template, parameters, Environment, stack.StackName, stack.StackId)
        {
            Resources = id => stack.FindResource(id) is { PhysicalId: not null } r && !r.Status.EndsWith("_FAILED", StringComparison.Ordinal)
                ? r.ToState()
                : null,
            Exports = Exports.ValueOf,
            NotificationArns = stack.NotificationArns,
        });

    private void SetStackStatus(Stack stack, string status, string? reason)
    {
        stack.Status = status;
        stack.StatusReason = reason;
        stack.AddEvent(new StackEvent(
            Guid.NewGuid().ToString(), stack.StackId, stack.StackName, stack.StackName, stack.StackId,
            ResourceTypeCatalog.NestedStackType, stack.NextEventTime(_time.GetUtcNow()), status, reason, null));
    }

    private void Emit(Stack stack, string logicalId, string type, string? physicalId, string status, string? reason, JsonObject? properties = null)
    {
        var now = stack.NextEventTime(_time.GetUtcNow());
        stack.AddEvent(new StackEvent(
            $"{logicalId}-{status}-{now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}",
            stack.StackId, stack.StackName, logicalId, physicalId ?? string.Empty, type, now, status, reason,
            properties is null ? null : TemplateValues.ToJson(properties)));
    }

    private ResourceRequest Request(Stack stack, string logicalId, string type, JsonObject properties)
    {
        var tags = new Dictionary<string, string>(stack.Tags, StringComparer.Ordinal)
        {
            ["aws:cloudformation:stack-name"] = stack.StackName,
            ["aws:cloudformation:logical-id"] = logicalId,
            ["aws:cloudformation:stack-id"] = stack.StackId,
        };
        return new ResourceRequest(Environment, stack.StackName, stack.StackId, logicalId, type, properties) { Tags = tags, ActingAs = stack.ActingAs };
    }

    /// <summary>
    /// Calls the provisioner; an exception from it (a bug or an unavailable store) becomes a failed resource with
    /// HandlerErrorCode InternalFailure instead of leaving the stack in progress. Cancellation still propagates.
    /// </summary>
    private static async Task<ProvisioningResult> ProvisionAsync(Func<Task<ProvisioningResult>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ProvisioningResult.Failure($"Internal Failure: {ex.GetType().Name}: {ex.Message}", "InternalFailure");
        }
    }

    private static string? MissingRequired(string logicalId, string type, JsonObject properties)
    {
        var missing = ResourceTypeCatalog.Get(type).RequiredProperties.Where(p => !properties.ContainsKey(p)).Order(StringComparer.Ordinal).FirstOrDefault();
        return missing is null ? null : $"Properties validation failed for resource {logicalId} with message: #: required key [{missing}] not found";
    }
}
