namespace Portal.Core.Templates;

/// <summary>A problem with one submitted value; <see cref="Field"/> is empty for a rule that spans fields.</summary>
public sealed record FieldError(string Field, string Message);
