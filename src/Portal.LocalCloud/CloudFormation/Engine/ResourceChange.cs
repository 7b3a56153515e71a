namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>One line of an update plan: the action and the top-level properties that caused it.</summary>
public sealed record ResourceChange(string LogicalId, string Type, ChangeAction Action, IReadOnlyList<string> ChangedProperties)
{
    /// <summary>The properties among <see cref="ChangedProperties"/> that AWS documents as requiring replacement.</summary>
    public IReadOnlyList<string> ReplacementCauses { get; init; } = [];
}
