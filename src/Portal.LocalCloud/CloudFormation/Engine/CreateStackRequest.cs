namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>CreateStack's inputs. Exactly one of <see cref="TemplateBody"/> and <see cref="TemplateUrl"/>.</summary>
public sealed record CreateStackRequest(string StackName)
{
    public string? TemplateBody { get; init; }

    public string? TemplateUrl { get; init; }

    public IReadOnlyList<ParameterInput> Parameters { get; init; } = [];

    public IReadOnlyList<string> Capabilities { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> NotificationArns { get; init; } = [];

    public OnFailure OnFailure { get; init; } = OnFailure.Rollback;

    /// <summary>
    /// The stack's service role (CreateStack <c>RoleARN</c>, or a Service Catalog LAUNCH constraint role): the
    /// provisioner authorises every resource operation under its policies. Null: the stack acts as each operation's caller.
    /// </summary>
    public string? RoleArn { get; init; }

    /// <summary>The assumed-role session calling CreateStack; a stack without <see cref="RoleArn"/> acts as it.</summary>
    public StackPrincipal? Caller { get; init; }

    internal string? ParentId { get; init; }

    internal string? RootId { get; init; }
}
