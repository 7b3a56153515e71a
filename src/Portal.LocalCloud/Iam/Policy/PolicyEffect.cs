namespace Portal.LocalCloud.Iam.Policy;

public enum PolicyEffect
{
    Allow,
    Deny,
}
