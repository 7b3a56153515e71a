using System.Xml.Linq;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Iam.PolicyEnforcement;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;
using static Portal.LocalCloud.Protocols.Xml;

namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>
/// CloudFormation in the Query protocol (2010-05-15): CreateStack, UpdateStack, DeleteStack, DescribeStacks,
/// DescribeStackEvents, DescribeStackResources, ListStacks, GetTemplate, ValidateTemplate, ListExports, over the
/// account's and Region's <see cref="StackOrchestrator"/>.
/// </summary>
public sealed partial class CloudFormationHandler : IQueryService
{
    private static readonly string[] ReadPrefixes = ["Describe", "List", "Get", "Validate"];
    private readonly CloudFormationRuntime _runtime;

    public CloudFormationHandler(CloudFormationRuntime runtime) => _runtime = runtime;

    public string SigningName => "cloudformation";

    public WireProtocol Protocol => WireProtocol.Query;

    public string XmlNamespace => "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    public bool IsReadOnly(string operation) => ReadPrefixes.Any(p => operation.StartsWith(p, StringComparison.Ordinal));

    public IReadOnlyList<XElement>? Invoke(string operation, QueryInput input, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var orchestrator = _runtime.For(context.AccountId, context.Region);
        try
        {
            return operation switch
            {
                "CreateStack" => CreateStack(orchestrator, input, context),
                "UpdateStack" => UpdateStack(orchestrator, input, context),
                "DeleteStack" => DeleteStack(orchestrator, input, context),
                "DescribeStacks" => DescribeStacks(orchestrator, input),
                "DescribeStackEvents" => DescribeStackEvents(orchestrator, input),
                "DescribeStackResources" => DescribeStackResources(orchestrator, input),
                "ListStacks" => ListStacks(orchestrator, input),
                "GetTemplate" => [E("TemplateBody", FindForRead(orchestrator, input.Required("StackName")).Template.Body), E("StagesAvailable", E("member", "Original"), E("member", "Processed"))],
                "ValidateTemplate" => ValidateTemplate(orchestrator, input),
                "GetTemplateSummary" => GetTemplateSummary(orchestrator, input),
                "CreateChangeSet" => CreateChangeSet(orchestrator, input, context),
                "DescribeChangeSet" => DescribeChangeSet(input, context),
                "ExecuteChangeSet" => ExecuteChangeSet(orchestrator, input, context),
                "DeleteChangeSet" => DeleteChangeSet(input, context),
                "ListChangeSets" => ListChangeSets(input, context),
                "ListExports" => [List("Exports", "member", orchestrator.Exports.List(), x => [E("ExportingStackId", x.ExportingStackId), E("Name", x.Name), E("Value", x.Value)])],
                _ => throw new ServiceException("InvalidAction", $"The action {operation} is not valid for this web service."),
            };
        }
        catch (CloudFormationException e)
        {
            throw new ServiceException(e.ErrorCode, e.Message);
        }
    }

    private List<XElement> CreateStack(StackOrchestrator orchestrator, QueryInput input, RequestContext context)
    {
        var onFailure = input.Get("OnFailure") switch
        {
            null => input.Bool("DisableRollback") == true ? OnFailure.DoNothing : OnFailure.Rollback,
            "ROLLBACK" => OnFailure.Rollback,
            "DO_NOTHING" => OnFailure.DoNothing,
            "DELETE" => OnFailure.Delete,
            var other => throw new ServiceException("ValidationError", $"1 validation error detected: Value '{other}' at 'onFailure' failed to satisfy constraint: Member must satisfy enum value set: [DO_NOTHING, ROLLBACK, DELETE]"),
        };
        if (input.Get("OnFailure") is not null && input.Get("DisableRollback") is not null)
        {
            throw new ServiceException("ValidationError", "You cannot specify both OnFailure and DisableRollback.");
        }

        var request = new CreateStackRequest(input.Required("StackName"))
        {
            TemplateBody = input.Get("TemplateBody"),
            TemplateUrl = input.Get("TemplateURL"),
            Parameters = Parameters(input),
            Capabilities = input.List("Capabilities"),
            Tags = Tags(input) ?? new Dictionary<string, string>(),
            NotificationArns = input.List("NotificationARNs"),
            OnFailure = onFailure,
            RoleArn = ServiceRole(input, context),
            Caller = CallerSession.Of(context.Caller),
        };
        var operation = Completed.Value(orchestrator.BeginCreateStackAsync(request, CancellationToken.None));
        _runtime.Run(orchestrator, operation);
        return [E("StackId", operation.Stack.StackId)];
    }

    private List<XElement> UpdateStack(StackOrchestrator orchestrator, QueryInput input, RequestContext context)
    {
        var request = new UpdateStackRequest(input.Required("StackName"))
        {
            TemplateBody = input.Get("TemplateBody"),
            TemplateUrl = input.Get("TemplateURL"),
            UsePreviousTemplate = input.Bool("UsePreviousTemplate") == true,
            Parameters = Parameters(input),
            Capabilities = input.List("Capabilities"),
            Tags = Tags(input),
            DisableRollback = input.Bool("DisableRollback") == true,
            RoleArn = ServiceRole(input, context),
            Caller = CallerSession.Of(context.Caller),
        };
        var operation = Completed.Value(orchestrator.BeginUpdateStackAsync(request, CancellationToken.None));
        _runtime.Run(orchestrator, operation);
        return [E("StackId", operation.Stack.StackId)];
    }

    /// <summary>
    /// The request's <c>RoleARN</c>: a role CloudFormation can assume (it exists and trusts cloudformation.amazonaws.com),
    /// or AWS's ValidationError. The stack's resource operations are then authorised under it.
    /// </summary>
    private static string? ServiceRole(QueryInput input, RequestContext context)
    {
        if (input.Get("RoleARN") is not { } roleArn)
        {
            return null;
        }

        if (roleArn.Length is < 20 or > 2048 || !roleArn.StartsWith("arn:", StringComparison.Ordinal) || !roleArn.Contains(":role/", StringComparison.Ordinal))
        {
            throw new ServiceException("ValidationError", $"1 validation error detected: Value '{roleArn}' at 'roleARN' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:.+:iam::[0-9]{{12}}:role/.+");
        }

        return ServiceRoles.WhyNotAssumable(context.Account.Iam, context.AccountId, roleArn, "cloudformation.amazonaws.com") is null
            ? roleArn
            : throw new ServiceException("ValidationError", $"Role {roleArn} is invalid or cannot be assumed");
    }

    private List<XElement>? DeleteStack(StackOrchestrator orchestrator, QueryInput input, RequestContext context)
    {
        var retain = input.List("RetainResources");
        var operation = orchestrator.BeginDeleteStack(input.Required("StackName"), retain, CallerSession.Of(context.Caller));
        if (operation is not null)
        {
            _runtime.Run(orchestrator, operation);
        }

        return null;
    }

    private static List<XElement> DescribeStacks(StackOrchestrator orchestrator, QueryInput input)
    {
        var name = input.Get("StackName");
        var stacks = name is null
            ? orchestrator.Stacks.All().Where(s => !s.IsDeleted).ToList()
            : [FindForRead(orchestrator, name)];
        return [List("Stacks", "member", stacks, StackMember)];
    }

    private static object?[] StackMember(Stack s) =>
    [
        E("StackId", s.StackId),
        E("StackName", s.StackName),
        Opt("Description", s.Description),
        List("Parameters", "member", s.Parameters.Values, p => [E("ParameterKey", p.Name), E("ParameterValue", p.DisplayValue), Opt("ResolvedValue", p.Declaration.IsSsm ? p.ResolvedValue : null)]),
        E("CreationTime", AwsTime.Iso(s.CreationTime)),
        Opt("DeletionTime", s.DeletionTime),
        Opt("LastUpdatedTime", s.LastUpdatedTime),
        E("StackStatus", s.Status),
        Opt("StackStatusReason", s.StatusReason),
        E("DisableRollback", s.DisableRollback ? "true" : "false"),
        Strings("NotificationARNs", "member", s.NotificationArns),
        Strings("Capabilities", "member", s.Capabilities),
        List("Outputs", "member", s.Outputs, o => [E("OutputKey", o.OutputKey), E("OutputValue", o.OutputValue), Opt("Description", o.Description), Opt("ExportName", o.ExportName)]),
        List("Tags", "member", s.Tags, t => [E("Key", t.Key), E("Value", t.Value)]),
        Opt("RoleARN", s.RoleArn),
        Opt("ParentId", s.ParentId),
        Opt("RootId", s.RootId),
        E("DriftInformation", E("StackDriftStatus", "NOT_CHECKED")),
    ];

    private static List<XElement> DescribeStackEvents(StackOrchestrator orchestrator, QueryInput input)
    {
        var stack = FindForRead(orchestrator, input.Required("StackName"));
        return [List("StackEvents", "member", stack.GetEvents().Reverse(), e =>
        [
            E("StackId", e.StackId),
            E("EventId", e.EventId),
            E("StackName", e.StackName),
            E("LogicalResourceId", e.LogicalResourceId),
            E("PhysicalResourceId", e.PhysicalResourceId),
            E("ResourceType", e.ResourceType),
            E("Timestamp", AwsTime.Iso(e.Timestamp)),
            E("ResourceStatus", e.ResourceStatus),
            Opt("ResourceStatusReason", e.ResourceStatusReason),
            Opt("ResourceProperties", e.ResourceProperties),
        ])];
    }

    private static List<XElement> DescribeStackResources(StackOrchestrator orchestrator, QueryInput input)
    {
        var name = input.Get("StackName");
        var physical = input.Get("PhysicalResourceId");
        Stack stack;
        if (name is not null)
        {
            stack = FindForRead(orchestrator, name);
        }
        else if (physical is not null)
        {
            stack = orchestrator.Stacks.All().FirstOrDefault(s => !s.IsDeleted && s.GetResources().Any(r => r.PhysicalId == physical))
                ?? throw new ServiceException("ValidationError", $"Stack for {physical} does not exist");
        }
        else
        {
            throw new ServiceException("ValidationError", "Either StackName or PhysicalResourceId must be specified.");
        }

        var logical = input.Get("LogicalResourceId");
        var resources = stack.GetResources().Where(r => (logical is null || r.LogicalId == logical) && (physical is null || r.PhysicalId == physical));
        return [List("StackResources", "member", resources, r =>
        [
            E("StackName", stack.StackName),
            E("StackId", stack.StackId),
            E("LogicalResourceId", r.LogicalId),
            Opt("PhysicalResourceId", r.PhysicalId),
            E("ResourceType", r.Type),
            E("Timestamp", AwsTime.Iso(r.LastUpdated)),
            E("ResourceStatus", r.Status),
            Opt("ResourceStatusReason", r.StatusReason),
            E("DriftInformation", E("StackResourceDriftStatus", "NOT_CHECKED")),
        ])];
    }

    private static List<XElement> ListStacks(StackOrchestrator orchestrator, QueryInput input)
    {
        var filter = input.List("StackStatusFilter").ToHashSet(StringComparer.Ordinal);
        var stacks = orchestrator.Stacks.All().Where(s => filter.Count == 0 || filter.Contains(s.Status)).Reverse();
        return [List("StackSummaries", "member", stacks, s =>
        [
            E("StackId", s.StackId),
            E("StackName", s.StackName),
            Opt("TemplateDescription", s.Description),
            E("CreationTime", AwsTime.Iso(s.CreationTime)),
            Opt("LastUpdatedTime", s.LastUpdatedTime),
            Opt("DeletionTime", s.DeletionTime),
            E("StackStatus", s.Status),
            Opt("StackStatusReason", s.StatusReason),
            Opt("ParentId", s.ParentId),
            Opt("RootId", s.RootId),
            E("DriftInformation", E("StackDriftStatus", "NOT_CHECKED")),
        ])];
    }

    private static List<XElement> ValidateTemplate(StackOrchestrator orchestrator, QueryInput input)
    {
        var summary = Completed.Value(orchestrator.ValidateTemplateAsync(input.Get("TemplateBody"), input.Get("TemplateURL"), CancellationToken.None));
        return
        [
            List("Parameters", "member", summary.Parameters, p =>
            [
                E("ParameterKey", p.Name),
                Opt("DefaultValue", p.Default),
                E("NoEcho", p.NoEcho ? "true" : "false"),
                Opt("Description", p.Description),
            ]),
            .. Opt("Description", summary.Description) is { } description ? [description] : Array.Empty<XElement>(),
            Strings("Capabilities", "member", summary.Capabilities),
            .. Opt("CapabilitiesReason", summary.CapabilitiesReason) is { } reason ? [reason] : Array.Empty<XElement>(),
            Strings("DeclaredTransforms", "member", summary.DeclaredTransforms),
        ];
    }

    private static List<XElement> GetTemplateSummary(StackOrchestrator orchestrator, QueryInput input)
    {
        var body = input.Get("StackName") is { } stackName ? FindForRead(orchestrator, stackName).Template.Body : input.Get("TemplateBody");
        var summary = Completed.Value(orchestrator.ValidateTemplateAsync(body, body is null ? input.Get("TemplateURL") : null, CancellationToken.None));
        var template = body is null ? null : TemplateParser.Parse(body);
        return
        [
            List("Parameters", "member", summary.Parameters, p =>
            [
                E("ParameterKey", p.Name),
                Opt("DefaultValue", p.Default),
                E("ParameterType", p.Type),
                E("NoEcho", p.NoEcho ? "true" : "false"),
                Opt("Description", p.Description),
                E("ParameterConstraints", p.AllowedValues is { } allowed ? Strings("AllowedValues", "member", allowed) : null),
            ]),
            .. Opt("Description", summary.Description) is { } description ? [description] : Array.Empty<XElement>(),
            Strings("Capabilities", "member", summary.Capabilities),
            .. Opt("CapabilitiesReason", summary.CapabilitiesReason) is { } reason ? [reason] : Array.Empty<XElement>(),
            Strings("ResourceTypes", "member", (template?.Resources.Select(r => r.Type) ?? []).Distinct()),
            E("Version", "2010-09-09"),
            Strings("DeclaredTransforms", "member", summary.DeclaredTransforms),
        ];
    }

    /// <summary>A stack by name (live only, as AWS resolves names) or by id (deleted ones too).</summary>
    private static Stack FindForRead(StackOrchestrator orchestrator, string nameOrId)
    {
        var stack = orchestrator.Stacks.Get(nameOrId);
        if (stack.IsDeleted && !nameOrId.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw new ServiceException("ValidationError", $"Stack with id {nameOrId} does not exist");
        }

        return stack;
    }

    private static List<ParameterInput> Parameters(QueryInput input) =>
        input.Structures("Parameters").Select(p => new ParameterInput(
            p.GetValueOrDefault("ParameterKey") ?? throw new ServiceException("ValidationError", "Parameters must have a ParameterKey."),
            p.GetValueOrDefault("ParameterValue"),
            string.Equals(p.GetValueOrDefault("UsePreviousValue"), "true", StringComparison.OrdinalIgnoreCase))).ToList();

    private static Dictionary<string, string>? Tags(QueryInput input)
    {
        var tags = input.Structures("Tags");
        return tags.Count == 0 && !input.Values.ContainsKey("Tags") ? null : tags.ToDictionary(t => t.GetValueOrDefault("Key") ?? string.Empty, t => t.GetValueOrDefault("Value") ?? string.Empty, StringComparer.Ordinal);
    }
}
