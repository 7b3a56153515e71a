namespace Portal.LocalCloud.Iam.Policy;

/// <summary>Where a document is used: identity policies may not name a principal; trust and resource policies must.</summary>
public enum PolicyKind
{
    Identity,
    Trust,
    Resource,
}
