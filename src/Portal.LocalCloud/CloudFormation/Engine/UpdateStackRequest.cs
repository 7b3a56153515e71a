namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>UpdateStack's inputs. One of <see cref="TemplateBody"/>, <see cref="TemplateUrl"/> or <see cref="UsePreviousTemplate"/>.</summary>
public sealed record UpdateStackRequest(string StackName)
{
    public string? TemplateBody { get; init; }

    public string? TemplateUrl { get; init; }

    public bool UsePreviousTemplate { get; init; }

    public IReadOnlyList<ParameterInput> Parameters { get; init; } = [];

    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>Null keeps the stack's tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public bool DisableRollback { get; init; }

    /// <summary>A new service role for the stack; null keeps the stack's role (as UpdateStack without <c>RoleARN</c> does).</summary>
    public string? RoleArn { get; init; }

    /// <summary>The assumed-role session calling UpdateStack; a stack without a role acts as it.</summary>
    public StackPrincipal? Caller { get; init; }
}
