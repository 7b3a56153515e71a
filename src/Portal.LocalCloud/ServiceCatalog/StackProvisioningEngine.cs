using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.CloudFormation.Handler;
using Portal.LocalCloud.Iam.Policy;
using Portal.LocalCloud.Iam.PolicyEnforcement;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>
/// Provisions Service Catalog products as CloudFormation stacks named <c>SC-&lt;account&gt;-&lt;pp-id&gt;</c>: TEMPLATE
/// constraint rules are evaluated before launch (refused with their AssertDescription), the LAUNCH constraint role
/// must exist, and the record and provisioned product follow the stack (<see cref="ProvisioningStatus.FromStackStatus"/>),
/// with RecordOutputs from the stack's outputs and RecordErrors from its failure reason.
/// </summary>
public sealed class StackProvisioningEngine : IProvisioningEngine
{
    private static readonly string[] AllCapabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"];
    /// <summary>The session name of Service Catalog's own calls under the launch role (unverified: AWS does not document it).</summary>
    private const string LaunchSessionName = "servicecatalog";
    private readonly CloudFormationRuntime _runtime;

    public StackProvisioningEngine(CloudFormationRuntime runtime) => _runtime = runtime;

    public static string StackName(string accountId, string provisionedProductId) => $"SC-{accountId}-{provisionedProductId}";

    public void CheckLaunch(LaunchCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var rules = check.Store.ConstraintsOn(check.PortfolioId, check.Product.Id).Where(c => c.Type == "TEMPLATE").ToList();
        if (rules.Count == 0)
        {
            return;
        }

        var orchestrator = _runtime.For(check.AccountId, check.Region);
        try
        {
            var template = TemplateParser.Parse(check.Artifact.TemplateBody);
            var inputs = check.Parameters.Select(p => new ParameterInput(p.Key, p.Value)).ToList();
            var parameters = Completed.Value(ParameterResolver.ResolveAsync(template, inputs, null, _runtime.SsmResolver(check.AccountId, check.Region), CancellationToken.None));
            foreach (var constraint in rules)
            {
                // Assertions without a description are left to the coordinator's AllowedValues narrowing and its message.
                var described = RuleEvaluator.ParseConstraintRules(constraint.Parameters)
                    .Select(r => r with { Assertions = r.Assertions.Where(a => a.AssertDescription is not null).ToList() })
                    .ToList();
                var failures = RuleEvaluator.Failures(described, template, parameters, orchestrator.Environment);
                if (failures.Count > 0)
                {
                    throw new ServiceException("InvalidParametersException", failures[0]);
                }
            }
        }
        catch (CloudFormationException e)
        {
            throw new ServiceException("InvalidParametersException", e.Message);
        }
    }

    public ProvisioningOutcome Start(ProvisioningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var orchestrator = _runtime.For(request.AccountId, request.Region);
        var stackName = StackName(request.AccountId, request.ProvisionedProduct.Id);
        if (request.RecordType == "TERMINATE_PROVISIONED_PRODUCT" && request.RetainPhysicalResources)
        {
            // The provisioned product goes; its stack and resources stay, as on AWS.
            return new ProvisioningOutcome { State = ProvisioningState.Succeeded };
        }

        if (request.LaunchRoleArn is { } launchRole && LaunchRoleRefusal(request, launchRole, stackName) is { } refusal)
        {
            return Failed(refusal);
        }

        var parameters = request.Parameters.Select(p => new ParameterInput(p.Key, p.Value)).ToList();
        var tags = request.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        tags["aws:servicecatalog:provisionedProductArn"] = request.ProvisionedProduct.Arn;
        tags["aws:servicecatalog:productArn"] = $"arn:aws:catalog:{request.Region}:{request.AccountId}:product/{request.Product.Id}";
        tags["aws:servicecatalog:provisioningPrincipalArn"] = request.Caller.Arn;
        try
        {
            StackOperation? operation;
            switch (request.RecordType)
            {
                case "PROVISION_PRODUCT":
                    operation = Completed.Value(orchestrator.BeginCreateStackAsync(
                        new CreateStackRequest(stackName) { TemplateBody = request.Artifact.TemplateBody, Parameters = parameters, Capabilities = AllCapabilities, Tags = tags, RoleArn = request.LaunchRoleArn, Caller = CallerSession.Of(request.Caller) },
                        CancellationToken.None));
                    break;
                case "UPDATE_PROVISIONED_PRODUCT":
                    try
                    {
                        operation = Completed.Value(orchestrator.BeginUpdateStackAsync(
                            new UpdateStackRequest(stackName) { TemplateBody = request.Artifact.TemplateBody, Parameters = parameters, Capabilities = AllCapabilities, Tags = tags, RoleArn = request.LaunchRoleArn, Caller = CallerSession.Of(request.Caller) },
                            CancellationToken.None));
                    }
                    catch (CloudFormationException e) when (e.Message == "No updates are to be performed.")
                    {
                        return Poll(request);
                    }

                    break;
                default:
                    operation = orchestrator.BeginDeleteStack(request.ProvisionedProduct.PhysicalId ?? stackName, null, CallerSession.Of(request.Caller));
                    if (operation is null)
                    {
                        return new ProvisioningOutcome { State = ProvisioningState.Succeeded };
                    }

                    break;
            }

            _runtime.Run(orchestrator, operation);
        }
        catch (CloudFormationException e)
        {
            return Failed(e.Message);
        }

        return Poll(request);
    }

    public ProvisioningOutcome Poll(ProvisioningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var orchestrator = _runtime.For(request.AccountId, request.Region);
        var stack = (request.ProvisionedProduct.PhysicalId is { } id ? orchestrator.Stacks.Find(id) : null)
            ?? orchestrator.Stacks.Find(StackName(request.AccountId, request.ProvisionedProduct.Id));
        if (stack is null)
        {
            return request.RecordType == "TERMINATE_PROVISIONED_PRODUCT"
                ? new ProvisioningOutcome { State = ProvisioningState.Succeeded }
                : Failed("The provisioned product's stack does not exist.");
        }

        var status = ProvisioningStatus.FromStackStatus(stack.Status);
        if (status.RecordStatus is "IN_PROGRESS" or "IN_PROGRESS_IN_ERROR" or "CREATED")
        {
            return ProvisioningOutcome.InProgress;
        }

        var succeeded = status.RecordStatus == "SUCCEEDED"
            && (request.RecordType == "TERMINATE_PROVISIONED_PRODUCT" ? stack.IsDeleted : !stack.IsDeleted);
        return new ProvisioningOutcome
        {
            State = succeeded ? ProvisioningState.Succeeded : ProvisioningState.Failed,
            PhysicalId = stack.StackId,
            Outputs = stack.Outputs.Select(o => new ScOutput(o.OutputKey, o.OutputValue, o.Description)).ToList(),
            Errors = succeeded ? [] : [new ScRecordError("StackFailure", stack.FailureReason ?? stack.StatusReason ?? stack.Status)],
        };
    }

    /// <summary>
    /// Why Service Catalog cannot run the stack operation under the launch role: the role must exist, trust
    /// servicecatalog.amazonaws.com and allow the CloudFormation call on the <c>SC-…</c> stack. (The stack's resource
    /// operations are then authorised under the same role by the provisioner.)
    /// </summary>
    private static string? LaunchRoleRefusal(ProvisioningRequest request, string launchRole, string stackName)
    {
        var iam = request.State.Account(request.AccountId).Iam;
        if (ServiceRoles.WhyNotAssumable(iam, request.AccountId, launchRole, "servicecatalog.amazonaws.com") is { } why)
        {
            return $"Unable to assume the launch role {launchRole}: {why}.";
        }

        var role = iam.FindRoleByArn(launchRole)!;
        var set = RolePolicySet.Load(iam, role.RoleName);
        var action = request.RecordType switch
        {
            "PROVISION_PRODUCT" => "cloudformation:CreateStack",
            "UPDATE_PROVISIONED_PRODUCT" => "cloudformation:UpdateStack",
            _ => "cloudformation:DeleteStack",
        };
        var stackArn = request.ProvisionedProduct.PhysicalId is { } existing && existing.StartsWith("arn:", StringComparison.Ordinal)
            ? existing
            : $"arn:aws:cloudformation:{request.Region}:{request.AccountId}:stack/{stackName}/*";
        var context = RequestContext.ForAssumedRoleSession(request.AccountId, role.Arn, role.RoleId, LaunchSessionName, request.Region, request.Now);
        var result = PolicyEvaluator.Evaluate(set.Policies, action, stackArn, context, set.PermissionsBoundary);
        return result.IsAllowed
            ? null
            : AccessDeniedMessage.Format($"arn:aws:sts::{request.AccountId}:assumed-role/{role.RoleName}/{LaunchSessionName}", result);
    }

    private static ProvisioningOutcome Failed(string message) => new()
    {
        State = ProvisioningState.Failed,
        Errors = [new ScRecordError("InvalidParametersException", message)],
    };
}
