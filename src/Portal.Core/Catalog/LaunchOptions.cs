namespace Portal.Core.Catalog;

/// <summary>What launching a product version requires: its parameters and the constraints that apply.</summary>
public sealed record LaunchOptions(IReadOnlyList<LaunchParameter> Parameters, IReadOnlyList<string> ConstraintTypes, IReadOnlyList<TagOption> TagOptions);
