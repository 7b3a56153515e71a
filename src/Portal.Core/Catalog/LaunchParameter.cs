namespace Portal.Core.Catalog;

/// <summary>A template parameter the launch form must ask for, with its constraints.</summary>
public sealed record LaunchParameter(
    string Key,
    string? DefaultValue,
    string? Type,
    bool IsNoEcho,
    string? Description,
    IReadOnlyList<string> AllowedValues,
    string? AllowedPattern,
    string? ConstraintDescription,
    int? MinLength,
    int? MaxLength,
    string? MinValue,
    string? MaxValue);
