namespace Portal.LocalCloud.Iam.Policy;

/// <summary>A Principal/NotPrincipal element: <c>"*"</c>, or principal type (<c>AWS</c>, <c>Service</c>, <c>Federated</c>) to values.</summary>
public sealed record PolicyPrincipal(bool IsWildcard, IReadOnlyDictionary<string, IReadOnlyList<string>> Values)
{
    public IReadOnlyList<string> Of(string type) => Values.TryGetValue(type, out var values) ? values : [];
}
