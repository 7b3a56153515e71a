namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>Everything intrinsic functions read: parameters, pseudo parameters, provisioned resources and exports.</summary>
public sealed record EvaluationScope(
    Template Template,
    IReadOnlyDictionary<string, ResolvedParameter> Parameters,
    StackEnvironment Environment,
    string StackName,
    string StackId)
{
    /// <summary>Resources provisioned so far, by logical id; null when not (yet) provisioned.</summary>
    public Func<string, ResourceState?> Resources { get; init; } = _ => null;

    /// <summary>Export values by name for <c>Fn::ImportValue</c>; null when no such export exists.</summary>
    public Func<string, string?> Exports { get; init; } = _ => null;

    public IReadOnlyList<string> NotificationArns { get; init; } = [];

    /// <summary>Attributes of AWS-specific parameter values for rules (type, value, attribute → value); see <see cref="RuleEvaluator.FetchValueOfAsync"/>.</summary>
    public Func<string, string, string, string?> ParameterAttributes { get; init; } = (_, _, _) => null;
}
