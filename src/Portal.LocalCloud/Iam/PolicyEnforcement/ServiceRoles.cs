using Portal.LocalCloud.Iam.Policy;

namespace Portal.LocalCloud.Iam.PolicyEnforcement;

/// <summary>
/// Whether an AWS service may assume a role handed to it (a CloudFormation service role, a Service Catalog launch
/// role): the role must exist and its trust policy must allow the service principal <c>sts:AssumeRole</c>.
/// </summary>
public static class ServiceRoles
{
    /// <summary>Null when <paramref name="servicePrincipal"/> may assume the role, otherwise why not.</summary>
    public static string? WhyNotAssumable(IamStore iam, string accountId, string roleArn, string servicePrincipal)
    {
        ArgumentNullException.ThrowIfNull(iam);
        if (iam.FindRoleByArn(roleArn) is not { } role)
        {
            return "the role does not exist";
        }

        PolicyDocument trust;
        try
        {
            trust = PolicyDocument.Parse(role.AssumeRolePolicyDocument, PolicyKind.Trust);
        }
        catch (PolicyFormatException)
        {
            return "its trust policy cannot be read";
        }

        var context = new RequestContext().Set("aws:SourceAccount", accountId);
        var decision = TrustPolicyEvaluator.Evaluate(trust, CallerPrincipal.Service(servicePrincipal), role.Arn, context);
        return decision.IsAllowed ? null : $"its trust policy does not allow {servicePrincipal} to assume it";
    }
}
