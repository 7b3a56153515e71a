namespace Portal.Core.Common;

/// <summary>An expected failure: what kind, a stable code, and a message a user can act on.</summary>
/// <param name="Kind">The category callers branch on.</param>
/// <param name="Code">A stable machine-readable code (for example an AWS error code or a rule id).</param>
/// <param name="Message">Plain words for the user.</param>
/// <param name="Target">Optional: the field, resource or id the error is about.</param>
public sealed record Error(ErrorKind Kind, string Code, string Message, string? Target = null)
{
    public static Error Validation(string code, string message, string? target = null) => new(ErrorKind.Validation, code, message, target);

    public static Error NotFound(string code, string message, string? target = null) => new(ErrorKind.NotFound, code, message, target);

    public static Error Denied(string code, string message, string? target = null) => new(ErrorKind.Denied, code, message, target);

    public static Error Conflict(string code, string message, string? target = null) => new(ErrorKind.Conflict, code, message, target);

    public override string ToString() => Target is null ? $"{Code}: {Message}" : $"{Code} ({Target}): {Message}";
}
