namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>The shape of a generated service id: <c>vpc-</c> + 17 hex, <c>port-</c> + 13 lower alphanumerics, a UUID…</summary>
public sealed record IdShape(string Prefix, int Length, IdAlphabet Alphabet);
