namespace Portal.LocalCloud.Iam.Policy;

/// <summary>A context key's value(s); <see cref="IsMultiValued"/> marks list-typed keys.</summary>
public sealed record ContextValue(IReadOnlyList<string> Values, bool IsMultiValued);
