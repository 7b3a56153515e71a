namespace Portal.LocalCloud.Iam.Policy;

public enum EvaluationDecision
{
    Allowed,
    ExplicitDeny,
    ImplicitDeny,
}
