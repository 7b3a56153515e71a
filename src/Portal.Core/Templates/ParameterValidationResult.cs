using Portal.Core.Common;

namespace Portal.Core.Templates;

/// <summary>The outcome of checking submitted values: per-field errors and the effective values (defaults filled in).</summary>
public sealed record ParameterValidationResult(IReadOnlyList<FieldError> Errors, IReadOnlyDictionary<string, string> Values)
{
    public bool IsValid => Errors.Count == 0;

    public IReadOnlyList<FieldError> ErrorsFor(string field) => Errors.Where(e => e.Field == field).ToList();

    /// <summary>The effective values, or a validation error summarising every field error.</summary>
    public Result<IReadOnlyDictionary<string, string>> ToResult() =>
        IsValid
            ? Result<IReadOnlyDictionary<string, string>>.Success(Values)
            : Error.Validation("parameters.invalid", string.Join(" ", Errors.Select(e => e.Field.Length == 0 ? e.Message : $"{e.Field}: {e.Message}")), Errors[0].Field);
}
