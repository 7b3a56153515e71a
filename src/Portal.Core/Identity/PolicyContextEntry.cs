namespace Portal.Core.Identity;

/// <summary>A condition key value for a simulation. Type is the IAM context type (string, boolean, stringList, …).</summary>
public sealed record PolicyContextEntry(string Key, string Type, IReadOnlyList<string> Values);
