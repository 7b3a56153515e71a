namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// Who calls <c>sts:AssumeRole</c>: an IAM user (<see cref="Arn"/> = user ARN), a role session (<see cref="Arn"/> =
/// <c>arn:aws:sts::A:assumed-role/R/S</c>, <see cref="RoleArn"/> = the role), the account root, or an AWS service
/// (<see cref="ServiceName"/>, e.g. <c>sagemaker.amazonaws.com</c>).
/// </summary>
public sealed record CallerPrincipal(string AccountId, string? Arn, string? RoleArn = null, string? ServiceName = null)
{
    public static CallerPrincipal Service(string serviceName) => new(string.Empty, null, null, serviceName);

    public bool IsRoot => Arn is not null && Arn.EndsWith(":root", StringComparison.Ordinal);
}
