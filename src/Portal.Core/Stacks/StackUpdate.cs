using Portal.Core.Provisioning;

namespace Portal.Core.Stacks;

/// <summary>An update of an existing stack; a null Template keeps the current one.</summary>
public sealed record StackUpdate(
    string StackName,
    StackTemplate? Template,
    IReadOnlyList<StackParameter> Parameters,
    IReadOnlyList<string> Capabilities,
    IdempotencyToken? Token = null);
