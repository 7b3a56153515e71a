namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// The result of enforcing a call: allowed, or the first failing resource's evaluation with AWS's AccessDenied message
/// (SageMaker answers it as HTTP 400 <c>AccessDeniedException</c>).
/// </summary>
public sealed record AuthorizationOutcome(bool IsAllowed, IReadOnlyList<PolicyEvaluationResult> Results, string? AccessDeniedMessage);
