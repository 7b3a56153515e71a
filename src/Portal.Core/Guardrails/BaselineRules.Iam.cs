namespace Portal.Core.Guardrails;

public static partial class BaselineRules
{
    private static readonly string[] PolicyHolderTypes =
    [
        "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
        "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy",
    ];

    private static readonly string[] VpcActions =
        ["sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateModel", "sagemaker:CreateNotebookInstance"];

    private static readonly string[] KmsActions =
        ["sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateTransformJob"];

    private static readonly string[] EncryptionActions =
        ["sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob", "sagemaker:CreateHyperParameterTuningJob"];

    public static GuardrailRule IamAdministratorAccess { get; } = new()
    {
        Id = "IAM-001",
        Title = "No policy allows every action on every resource",
        Severity = GuardrailSeverity.Critical,
        Rationale = "Allow * on * is administrator access: it bypasses every other control of the environment, including the preventive SageMaker conditions.",
        Remediation = "List the actions and resources the principal needs; use AWS managed job-function policies as a starting point.",
        DocumentationTopic = "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
        ResourceTypes = PolicyHolderTypes,
        Check = (context, resource) => Statements(context, resource)
            .Where(s => s.Effect == "Allow" && s.Actions.Any(a => a is "*" or "*:*") && (s.Resources.Count == 0 || s.Resources.Contains("*")))
            .Select(s => new RuleViolation(s.Path, s.Position, $"{s.Subject} allows every action (*) on every resource (*).")),
    };

    public static GuardrailRule IamPassRoleWithoutService { get; } = new()
    {
        Id = "IAM-002",
        Title = "iam:PassRole is limited to a service",
        Severity = GuardrailSeverity.High,
        Rationale = "PassRole without iam:PassedToService lets the holder hand a role to any service (EC2, Lambda, …) and act with that role's rights outside SageMaker's controls.",
        Remediation = "Add Condition StringEquals iam:PassedToService: sagemaker.amazonaws.com (and limit Resource to the roles meant to be passed).",
        DocumentationTopic = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
        ResourceTypes = PolicyHolderTypes,
        Check = (context, resource) => Statements(context, resource)
            .Where(s => s.Allows("iam:PassRole") && !s.Conditions.Any(c => c.Is("iam:PassedToService")))
            .Select(s => new RuleViolation(s.Path, s.Position, $"{s.Subject} allows iam:PassRole without an iam:PassedToService condition, so the role can be passed to any service.")),
    };

    public static GuardrailRule IamSageMakerWithoutVpc { get; } = new()
    {
        Id = "IAM-003",
        Title = "SageMaker create permissions require the project VPC",
        Severity = GuardrailSeverity.High,
        Rationale = "The workshop's preventive control (Lab 5): a policy that allows creating jobs, models or notebooks must deny requests without sagemaker:VpcSubnets, otherwise users can start workloads outside the VPC. Version 1 of the notebook role allowed sagemaker:* unconditionally.",
        Remediation = "Add a Deny for these actions with Condition Null {sagemaker:VpcSubnets: 'true'}, or require the key in the Allow (Null 'false' or a ForAnyValue/StringEquals test without IfExists).",
        DocumentationTopic = "https://docs.aws.amazon.com/sagemaker/latest/dg/security_iam_id-based-policy-examples.html",
        ResourceTypes = PolicyHolderTypes,
        Check = (context, resource) => UnguardedAllows(context, resource, VpcActions, ["sagemaker:VpcSubnets"], "without requiring the project VPC (sagemaker:VpcSubnets)"),
    };

    public static GuardrailRule IamSageMakerWithoutKms { get; } = new()
    {
        Id = "IAM-004",
        Title = "SageMaker job permissions require volume and output KMS keys",
        Severity = GuardrailSeverity.High,
        Rationale = "Unless the policy requires sagemaker:VolumeKmsKey and sagemaker:OutputKmsKey, users can start jobs whose volumes and output are not encrypted with the project key.",
        Remediation = "Add a Deny with Condition Null {sagemaker:VolumeKmsKey: 'true'} and one with Null {sagemaker:OutputKmsKey: 'true'} for the job actions, or Null 'false' on both in the Allow.",
        DocumentationTopic = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html",
        ResourceTypes = PolicyHolderTypes,
        Check = (context, resource) =>
            UnguardedAllows(context, resource, KmsActions, ["sagemaker:VolumeKmsKey", "sagemaker:VolumeKmsKeyArn"], "without requiring a volume KMS key (sagemaker:VolumeKmsKey)")
                .Concat(UnguardedAllows(context, resource, KmsActions, ["sagemaker:OutputKmsKey", "sagemaker:OutputKmsKeyArn"], "without requiring an output KMS key (sagemaker:OutputKmsKey)")),
    };

    public static GuardrailRule IamSageMakerWithoutInterContainerEncryption { get; } = new()
    {
        Id = "IAM-005",
        Title = "SageMaker job permissions require inter-container traffic encryption",
        Severity = GuardrailSeverity.Medium,
        Rationale = "Unless the policy requires sagemaker:InterContainerTrafficEncryption to be true, users can start distributed jobs that exchange data unencrypted. BoolIfExists lets requests that omit the flag (the SDK default) through.",
        Remediation = "Require Bool {sagemaker:InterContainerTrafficEncryption: 'true'} in the Allow, or add a Deny with BoolIfExists {sagemaker:InterContainerTrafficEncryption: 'false'}.",
        DocumentationTopic = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html",
        ResourceTypes = PolicyHolderTypes,
        Check = (context, resource) =>
        {
            if (IsPermissionsBoundary(context, resource))
            {
                return [];
            }

            var statements = Statements(context, resource);
            const string key = "sagemaker:InterContainerTrafficEncryption";
            bool AllowRequiresTrue(PolicyStatement s) => s.Conditions.Any(c => c.Is(key) && !c.IsIfExists && c.BaseOperator is "Bool" or "StringEquals" && c.Values.All(v => v.Equals("true", StringComparison.OrdinalIgnoreCase)));
            string[] keys = [key];
            bool Denying(PolicyStatement d, string action) => d.Denies(action) && OnlyAbout(d, keys);
            bool DenyCovers(string action) =>
                statements.Any(d => Denying(d, action) && d.Conditions.Any(c => c.IsIfExists && c.BaseOperator is "Bool" or "StringEquals" && c.Values.Contains("false", StringComparer.OrdinalIgnoreCase)))
                || (statements.Any(d => Denying(d, action) && d.Conditions.Any(c => c.BaseOperator == "Null" && c.Values.Contains("true", StringComparer.OrdinalIgnoreCase)))
                    && statements.Any(d => Denying(d, action) && d.Conditions.Any(c => c.BaseOperator is "Bool" or "StringEquals" && c.Values.Contains("false", StringComparer.OrdinalIgnoreCase))));
            return Violations(statements, EncryptionActions, s => AllowRequiresTrue(s), DenyCovers, "without requiring inter-container traffic encryption (sagemaker:InterContainerTrafficEncryption)");
        },
    };

    private static List<PolicyStatement> Statements(GuardrailContext context, GuardrailResource resource)
    {
        var isPrincipal = resource.Type is "AWS::IAM::Role" or "AWS::IAM::User" or "AWS::IAM::Group";
        var path = isPrincipal ? "Policies[].PolicyDocument" : "PolicyDocument";
        var statements = context.Resolve(resource, path).SelectMany(document => PolicyStatement.Read(context, document)).ToList();
        if (isPrincipal)
        {
            statements.AddRange(ManagedPolicies.Statements(context, resource));
        }

        return statements;
    }

    private static IEnumerable<RuleViolation> UnguardedAllows(GuardrailContext context, GuardrailResource resource, string[] actions, string[] keys, string what)
    {
        if (IsPermissionsBoundary(context, resource))
        {
            // A boundary caps what a role may do; it grants nothing, so "allows … without" does not apply to it.
            return [];
        }

        var statements = Statements(context, resource);
        return Violations(
            statements,
            actions,
            allow => allow.Conditions.Any(c => keys.Any(c.Is) && c.RequiresPresence),
            action => statements.Any(d => d.Denies(action) && OnlyAbout(d, keys) && d.Conditions.Any(c => c.BaseOperator == "Null" && c.Values.Contains("true", StringComparer.OrdinalIgnoreCase))),
            what);
    }

    /// <summary>
    /// True for a managed policy that the template uses as a permissions boundary: referenced by a
    /// <c>PermissionsBoundary</c> property or by an <c>iam:PermissionsBoundary</c> condition.
    /// </summary>
    private static bool IsPermissionsBoundary(GuardrailContext context, GuardrailResource resource) =>
        resource.Type == "AWS::IAM::ManagedPolicy"
        && context.Resources.Any(r => ReferencesUnderBoundaryKey(r.Properties, resource.Id, underBoundaryKey: false, depth: 0));

    private static bool ReferencesUnderBoundaryKey(Templates.TemplateValue? value, string id, bool underBoundaryKey, int depth) => depth < 32 && value switch
    {
        Templates.TemplateMapping mapping => mapping.Properties.Any(p => ReferencesUnderBoundaryKey(
            p.Value, id, underBoundaryKey || p.Key is "PermissionsBoundary" || p.Key.Equals("iam:PermissionsBoundary", StringComparison.OrdinalIgnoreCase), depth + 1)),
        Templates.TemplateSequence sequence => sequence.Items.Any(i => ReferencesUnderBoundaryKey(i, id, underBoundaryKey, depth + 1)),
        Templates.TemplateIntrinsic { Function: "Ref" } reference => underBoundaryKey && reference.TargetName == id,
        Templates.TemplateIntrinsic intrinsic => intrinsic.Arguments.Any(a => ReferencesUnderBoundaryKey(a, id, underBoundaryKey, depth + 1)),
        _ => false,
    };

    /// <summary>
    /// True when every condition of a Deny is about the given keys. Conditions of a statement are ANDed, so a Deny
    /// that also tests another key (e.g. Null on VolumeKmsKey and OutputKmsKey together) fires only when all hold
    /// and does not, on its own, refuse a request that lacks just one key.
    /// </summary>
    private static bool OnlyAbout(PolicyStatement deny, string[] keys) => deny.Conditions.Count > 0 && deny.Conditions.All(c => keys.Any(c.Is));

    private static IEnumerable<RuleViolation> Violations(List<PolicyStatement> statements, string[] actions, Func<PolicyStatement, bool> allowIsGuarded, Func<string, bool> denyCovers, string what)
    {
        foreach (var statement in statements.Where(s => s.Effect == "Allow"))
        {
            if (allowIsGuarded(statement))
            {
                continue;
            }

            var open = actions.Where(a => statement.Allows(a) && !denyCovers(a)).ToList();
            if (open.Count > 0)
            {
                yield return new RuleViolation(statement.Path, statement.Position, $"{statement.Subject} allows {string.Join(", ", open)} {what}.");
            }
        }
    }
}
