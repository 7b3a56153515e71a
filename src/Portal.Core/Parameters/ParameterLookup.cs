namespace Portal.Core.Parameters;

/// <summary>The values found by name, and the names that do not exist.</summary>
public sealed record ParameterLookup(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> MissingNames);
