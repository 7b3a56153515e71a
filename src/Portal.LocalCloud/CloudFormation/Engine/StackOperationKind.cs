namespace Portal.LocalCloud.CloudFormation.Engine;

public enum StackOperationKind
{
    Create,
    Update,
    Delete,
}
