namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>What an update does to one resource.</summary>
public enum ChangeAction
{
    None,
    Add,
    Remove,
    UpdateInPlace,
    Replace,
}
