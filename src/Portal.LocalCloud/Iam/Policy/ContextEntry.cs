namespace Portal.LocalCloud.Iam.Policy;

/// <summary>SimulatePrincipalPolicy's <c>ContextEntries.member.N</c>: key, values and type (<c>string</c>, <c>stringList</c>, …).</summary>
public sealed record ContextEntry(string ContextKeyName, IReadOnlyList<string> ContextKeyValues, string ContextKeyType)
{
    /// <summary>List types (<c>…List</c>) make the key multivalued.</summary>
    public bool IsList => ContextKeyType.EndsWith("List", StringComparison.Ordinal);
}
