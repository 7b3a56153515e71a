using System.Text.RegularExpressions;
using Portal.Core.Common;

namespace Portal.Core.Provisioning;

/// <summary>
/// A token that makes a create/provision/update/terminate call safe to repeat: created once per logical
/// operation (and persisted with the request), sent unchanged on every retry.
/// </summary>
public readonly partial record struct IdempotencyToken
{
    private IdempotencyToken(string value) => Value = value;

    public string Value { get; }

    /// <summary>A fresh random token.</summary>
    public static IdempotencyToken New() => new(Guid.NewGuid().ToString("N"));

    /// <summary>Accepts a stored token if it fits the cloud's pattern (1-128 of letters, digits, _ and -, starting alphanumeric).</summary>
    public static Result<IdempotencyToken> Create(string? value) =>
        value is not null && Pattern().IsMatch(value)
            ? new IdempotencyToken(value)
            : Error.Validation("InvalidIdempotencyToken", "An idempotency token is 1-128 letters, digits, '_' or '-', starting with a letter or digit.", nameof(value));

    public override string ToString() => Value;

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]{0,127}$")]
    private static partial Regex Pattern();
}
