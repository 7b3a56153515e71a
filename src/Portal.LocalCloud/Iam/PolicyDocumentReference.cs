namespace Portal.LocalCloud.Iam;

/// <summary>
/// A policy that applies to a role: its name, its ARN for managed policies (null for inline ones) and its
/// JSON document. The document is null for AWS managed policies (<c>arn:aws:iam::aws:policy/…</c>),
/// whose content LocalCloud does not carry.
/// </summary>
public sealed record PolicyDocumentReference(string Name, string? Arn, string? Document);
