using System.Xml.Linq;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;
using static Portal.LocalCloud.Protocols.Xml;

namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>
/// Change sets, enough for <c>aws cloudformation deploy</c>: CreateChangeSet (CREATE or UPDATE, previewed with the
/// engine's update planner), DescribeChangeSet, ExecuteChangeSet (runs CreateStack/UpdateStack), DeleteChangeSet,
/// ListChangeSets.
/// </summary>
public sealed partial class CloudFormationHandler
{
    private const string NoChanges = "The submitted information didn't contain changes. Submit different information to create a change set.";

    private List<XElement> CreateChangeSet(StackOrchestrator orchestrator, QueryInput input, RequestContext context)
    {
        var name = input.Required("ChangeSetName");
        var stackName = input.Required("StackName");
        var type = input.Get("ChangeSetType") ?? "UPDATE";
        var changeSets = context.RegionState.CloudFormation.ChangeSets;
        var existing = orchestrator.Stacks.Find(stackName);
        var live = existing is { IsDeleted: false } ? existing : null;
        if (changeSets.Values.Any(c => c.StackName == stackName && c.Name == name))
        {
            throw new ServiceException("AlreadyExistsException", $"ChangeSet {name} already exists");
        }

        var record = new ChangeSetRecord
        {
            Id = $"arn:aws:cloudformation:{context.Region}:{context.AccountId}:changeSet/{name}/{Guid.NewGuid()}",
            Name = name,
            StackName = stackName,
            StackId = live?.StackId,
            Type = type,
            TemplateBody = input.Get("TemplateBody"),
            TemplateUrl = input.Get("TemplateURL"),
            UsePreviousTemplate = input.Bool("UsePreviousTemplate") == true,
            Parameters = input.Structures("Parameters").Select(p => new ChangeSetParameter(
                p.GetValueOrDefault("ParameterKey") ?? throw new ServiceException("ValidationError", "Parameters must have a ParameterKey."),
                p.GetValueOrDefault("ParameterValue"),
                string.Equals(p.GetValueOrDefault("UsePreviousValue"), "true", StringComparison.OrdinalIgnoreCase))).ToList(),
            Capabilities = input.List("Capabilities").ToList(),
            Tags = Tags(input),
            Description = input.Get("Description"),
            RoleArn = ServiceRole(input, context),
            Status = "CREATE_COMPLETE",
            ExecutionStatus = "AVAILABLE",
            CreationTime = context.Now,
        };

        switch (type)
        {
            case "CREATE":
                if (live is not null)
                {
                    throw new ServiceException("ValidationError", $"Stack [{stackName}] already exists and cannot be created again with the changeSet [{name}].");
                }

                StackRegistry.ValidateName(stackName);
                Completed.Value(orchestrator.ValidateTemplateAsync(record.TemplateBody, record.TemplateUrl, CancellationToken.None));
                var template = TemplateParser.Parse(record.TemplateBody ?? ServiceCatalog.TemplateLoader.Load(record.TemplateUrl!, context.State.S3));
                Engine.Capabilities.Check(template, record.Capabilities);
                Completed.Value(ParameterResolver.ResolveAsync(template, ToInputs(record), null, _runtime.SsmResolver(context.AccountId, context.Region), CancellationToken.None));
                record.Changes.AddRange(template.Resources.Select(r => new ChangeSetChange("Add", r.LogicalId, null, r.Type, null, [])));
                break;
            case "UPDATE":
                if (live is null)
                {
                    throw new ServiceException("ValidationError", $"Stack [{stackName}] does not exist");
                }

                try
                {
                    var changes = Completed.Value(orchestrator.PreviewUpdateAsync(ToUpdate(record), CancellationToken.None));
                    var resources = live.GetResources().ToDictionary(r => r.LogicalId, r => r.PhysicalId, StringComparer.Ordinal);
                    record.Changes.AddRange(changes.Where(c => c.Action != ChangeAction.None).Select(c => new ChangeSetChange(
                        c.Action switch { ChangeAction.Add => "Add", ChangeAction.Remove => "Remove", _ => "Modify" },
                        c.LogicalId,
                        resources.GetValueOrDefault(c.LogicalId),
                        c.Type,
                        c.Action switch { ChangeAction.Replace => "True", ChangeAction.UpdateInPlace => "False", _ => null },
                        c.Action is ChangeAction.Replace or ChangeAction.UpdateInPlace ? ["Properties"] : [])));
                }
                catch (CloudFormationException e) when (e.Message == "No updates are to be performed.")
                {
                    record.Status = "FAILED";
                    record.StatusReason = NoChanges;
                    record.ExecutionStatus = "UNAVAILABLE";
                }

                break;
            default:
                throw new ServiceException("ValidationError", $"1 validation error detected: Value '{type}' at 'changeSetType' failed to satisfy constraint: Member must satisfy enum value set: [UPDATE, IMPORT, CREATE]");
        }

        changeSets[record.Id] = record;
        return [E("Id", record.Id), Opt("StackId", record.StackId)!];
    }

    private static List<XElement> DescribeChangeSet(QueryInput input, RequestContext context)
    {
        var record = FindChangeSet(input, context);
        return
        [
            E("ChangeSetName", record.Name),
            E("ChangeSetId", record.Id),
            .. Opt("StackId", record.StackId) is { } stackId ? [stackId] : Array.Empty<XElement>(),
            E("StackName", record.StackName),
            .. Opt("Description", record.Description) is { } description ? [description] : Array.Empty<XElement>(),
            List("Parameters", "member", record.Parameters, p => [E("ParameterKey", p.Key), Opt("ParameterValue", p.Value), Opt("UsePreviousValue", p.UsePreviousValue ? true : null)]),
            E("CreationTime", AwsTime.Iso(record.CreationTime)),
            E("ExecutionStatus", record.ExecutionStatus),
            E("Status", record.Status),
            .. Opt("StatusReason", record.StatusReason) is { } reason ? [reason] : Array.Empty<XElement>(),
            Strings("Capabilities", "member", record.Capabilities),
            List("Tags", "member", record.Tags ?? [], t => [E("Key", t.Key), E("Value", t.Value)]),
            List("Changes", "member", record.Changes, c =>
            [
                E("Type", "Resource"),
                E(
                    "ResourceChange",
                    E("Action", c.Action),
                    E("LogicalResourceId", c.LogicalResourceId),
                    Opt("PhysicalResourceId", c.PhysicalResourceId),
                    E("ResourceType", c.ResourceType),
                    Opt("Replacement", c.Replacement),
                    Strings("Scope", "member", c.Scope)),
            ]),
        ];
    }

    private List<XElement> ExecuteChangeSet(StackOrchestrator orchestrator, QueryInput input, RequestContext context)
    {
        var record = FindChangeSet(input, context);
        if (record.ExecutionStatus != "AVAILABLE")
        {
            throw new ServiceException("InvalidChangeSetStatus", $"ChangeSet [{record.Id}] cannot be executed in its current execution status of [{record.ExecutionStatus}]");
        }

        var operation = record.Type == "CREATE"
            ? Completed.Value(orchestrator.BeginCreateStackAsync(
                new CreateStackRequest(record.StackName)
                {
                    TemplateBody = record.TemplateBody,
                    TemplateUrl = record.TemplateUrl,
                    Parameters = ToInputs(record),
                    Capabilities = record.Capabilities,
                    Tags = record.Tags ?? new Dictionary<string, string>(),
                    OnFailure = input.Bool("DisableRollback") == true ? OnFailure.DoNothing : OnFailure.Rollback,
                    RoleArn = record.RoleArn,
                    Caller = CallerSession.Of(context.Caller),
                },
                CancellationToken.None))
            : Completed.Value(orchestrator.BeginUpdateStackAsync(ToUpdate(record) with { DisableRollback = input.Bool("DisableRollback") == true, Caller = CallerSession.Of(context.Caller) }, CancellationToken.None));
        record.ExecutionStatus = "EXECUTE_COMPLETE";
        record.StackId = operation.Stack.StackId;
        foreach (var other in context.RegionState.CloudFormation.ChangeSets.Where(c => c.Value.StackName == record.StackName && c.Key != record.Id).Select(c => c.Key).ToList())
        {
            context.RegionState.CloudFormation.ChangeSets.Remove(other);
        }

        _runtime.Run(orchestrator, operation);
        return [];
    }

    private static List<XElement>? DeleteChangeSet(QueryInput input, RequestContext context)
    {
        var record = FindChangeSet(input, context);
        context.RegionState.CloudFormation.ChangeSets.Remove(record.Id);
        return null;
    }

    private static List<XElement> ListChangeSets(QueryInput input, RequestContext context)
    {
        var stackName = input.Required("StackName");
        var records = context.RegionState.CloudFormation.ChangeSets.Values
            .Where(c => c.StackName == stackName || c.StackId == stackName)
            .OrderBy(c => c.CreationTime);
        return [List("Summaries", "member", records, c =>
        [
            Opt("StackId", c.StackId),
            E("StackName", c.StackName),
            E("ChangeSetId", c.Id),
            E("ChangeSetName", c.Name),
            E("ExecutionStatus", c.ExecutionStatus),
            E("Status", c.Status),
            Opt("StatusReason", c.StatusReason),
            E("CreationTime", AwsTime.Iso(c.CreationTime)),
            Opt("Description", c.Description),
        ])];
    }

    private static ChangeSetRecord FindChangeSet(QueryInput input, RequestContext context)
    {
        var name = input.Required("ChangeSetName");
        var stackName = input.Get("StackName");
        var changeSets = context.RegionState.CloudFormation.ChangeSets;
        if (changeSets.TryGetValue(name, out var byArn))
        {
            return byArn;
        }

        if (stackName is null)
        {
            throw new ServiceException("ValidationError", "StackName must be specified if ChangeSetName is not specified as an ARN.");
        }

        return changeSets.Values.FirstOrDefault(c => c.Name == name && (c.StackName == stackName || c.StackId == stackName))
            ?? throw new ServiceException("ChangeSetNotFound", $"ChangeSet [{name}] does not exist", 404);
    }

    private static List<ParameterInput> ToInputs(ChangeSetRecord record) =>
        record.Parameters.Select(p => new ParameterInput(p.Key, p.Value, p.UsePreviousValue)).ToList();

    private static UpdateStackRequest ToUpdate(ChangeSetRecord record) => new(record.StackName)
    {
        TemplateBody = record.TemplateBody,
        TemplateUrl = record.TemplateUrl,
        UsePreviousTemplate = record.UsePreviousTemplate,
        Parameters = ToInputs(record),
        Capabilities = record.Capabilities,
        Tags = record.Tags,
        RoleArn = record.RoleArn,
    };
}
