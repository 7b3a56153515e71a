namespace Portal.Core.Templates;

/// <summary>CloudFormation's pseudo parameters (valid targets of <c>Ref</c> and <c>${…}</c>).</summary>
public static class PseudoParameters
{
    public const string NoValue = "AWS::NoValue";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::NotificationARNs", NoValue, "AWS::Partition", "AWS::Region", "AWS::StackId",
        "AWS::StackName", "AWS::URLSuffix",
    };
}
