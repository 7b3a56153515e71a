namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>CreateStack's <c>OnFailure</c>; <c>DisableRollback=true</c> is <see cref="DoNothing"/>.</summary>
public enum OnFailure
{
    Rollback,
    DoNothing,
    Delete,
}
