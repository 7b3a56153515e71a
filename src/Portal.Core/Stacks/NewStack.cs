using Portal.Core.Common;
using Portal.Core.Provisioning;

namespace Portal.Core.Stacks;

/// <summary>
/// A stack to create. Capabilities: CAPABILITY_IAM, CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND.
/// Token: the ClientRequestToken; null lets the gateway create one for this call.
/// </summary>
public sealed record NewStack(
    string StackName,
    StackTemplate Template,
    IReadOnlyList<StackParameter> Parameters,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<ResourceTag>? Tags = null,
    string? RoleArn = null,
    bool DisableRollback = false,
    IdempotencyToken? Token = null);
