using Portal.LocalCloud.Iam.Policy;

namespace Portal.LocalCloud.Tests.Iam.Policy;

public class TrustPolicyEvaluatorTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/ds-notebook-role";

    private static PolicyDocument Trust(string principal, string extra = "") => PolicyDocument.Parse(
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"sts:AssumeRole"{{extra}}}]}""",
        PolicyKind.Trust);

    private static readonly CallerPrincipal Session = new(
        "123456789012", "arn:aws:sts::123456789012:assumed-role/portal/alice", "arn:aws:iam::123456789012:role/portal");

    [Fact]
    public void A_service_principal_is_trusted_by_name()
    {
        var trust = Trust("""{"Service":"sagemaker.amazonaws.com"}""");
        Assert.True(TrustPolicyEvaluator.Evaluate(trust, CallerPrincipal.Service("sagemaker.amazonaws.com"), RoleArn, new RequestContext()).IsAllowed);
        var lambda = TrustPolicyEvaluator.Evaluate(trust, CallerPrincipal.Service("lambda.amazonaws.com"), RoleArn, new RequestContext());
        Assert.Equal(EvaluationDecision.ImplicitDeny, lambda.Decision);
    }

    [Fact]
    public void A_role_principal_trusts_its_sessions_without_an_identity_allow()
    {
        var decision = TrustPolicyEvaluator.Evaluate(Trust("""{"AWS":"arn:aws:iam::123456789012:role/portal"}"""), Session, RoleArn, new RequestContext());
        Assert.True(decision.IsAllowed);
        Assert.False(decision.RequiresIdentityAllow);
    }

    [Fact]
    public void Trusting_the_account_needs_the_callers_identity_allow_too()
    {
        var decision = TrustPolicyEvaluator.Evaluate(Trust("""{"AWS":"arn:aws:iam::123456789012:root"}"""), Session, RoleArn, new RequestContext());
        Assert.True(decision.IsAllowed);
        Assert.True(decision.RequiresIdentityAllow);
    }

    [Fact]
    public void Other_principals_are_refused_with_the_sts_text_and_root_never_assumes()
    {
        var other = TrustPolicyEvaluator.Evaluate(Trust("""{"AWS":"arn:aws:iam::123456789012:role/someone-else"}"""), Session, RoleArn, new RequestContext());
        Assert.Equal(
            "User: arn:aws:sts::123456789012:assumed-role/portal/alice is not authorized to perform: sts:AssumeRole on resource: " + RoleArn,
            other.AccessDeniedMessage);
        var root = TrustPolicyEvaluator.Evaluate(Trust("""{"AWS":"123456789012"}"""), new CallerPrincipal("123456789012", "arn:aws:iam::123456789012:root"),
            RoleArn, new RequestContext());
        Assert.Equal("Roles may not be assumed by root accounts.", root.AccessDeniedMessage);
    }

    [Fact]
    public void Trust_conditions_apply()
    {
        var trust = Trust("""{"AWS":"arn:aws:iam::123456789012:role/portal"}""", ""","Condition":{"StringEquals":{"sts:ExternalId":"secret"}}""");
        Assert.False(TrustPolicyEvaluator.Evaluate(trust, Session, RoleArn, new RequestContext()).IsAllowed);
        Assert.True(TrustPolicyEvaluator.Evaluate(trust, Session, RoleArn, new RequestContext().Set("sts:ExternalId", "secret")).IsAllowed);
    }
}
