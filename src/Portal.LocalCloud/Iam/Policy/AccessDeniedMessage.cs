namespace Portal.LocalCloud.Iam.Policy;

/// <summary>AWS's AccessDenied texts (iam-evaluation.md §1.3).</summary>
public static class AccessDeniedMessage
{
    /// <summary>
    /// <c>User: &lt;caller&gt; is not authorized to perform: &lt;action&gt; on resource: &lt;arn&gt; &lt;reason&gt;</c>,
    /// e.g. <c>… with an explicit deny in an identity-based policy</c> or
    /// <c>… because no identity-based policy allows the sagemaker:CreateTrainingJob action</c>.
    /// </summary>
    public static string Format(string callerArn, PolicyEvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"User: {callerArn} is not authorized to perform: {result.Action} on resource: {result.Resource} {Reason(result)}";
    }

    public static string Reason(PolicyEvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (explicitText, implicitText) = result.DecidedBy switch
        {
            DenyingPolicyKind.PermissionsBoundary => ("a permissions boundary", "permissions boundary"),
            DenyingPolicyKind.Session => ("a session policy", "session policy"),
            _ => ("an identity-based policy", "identity-based policy"),
        };
        return result.Decision == EvaluationDecision.ExplicitDeny
            ? $"with an explicit deny in {explicitText}"
            : $"because no {implicitText} allows the {result.Action} action";
    }
}
