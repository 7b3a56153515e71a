using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Core.Templates;

/// <summary>
/// What the launch form needs: fields in display order with their groups, and the rules that span fields.
/// <see cref="Validate"/> checks submitted values against every constraint, including rules.
/// </summary>
public sealed record ParameterForm(IReadOnlyList<ParameterFormField> Fields, IReadOnlyList<string> Groups, IReadOnlyList<TemplateRule> Rules)
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    public ParameterFormField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>Checks submitted values; missing values take the field's default (or pinned value).</summary>
    public ParameterValidationResult Validate(IReadOnlyDictionary<string, string> submitted)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        var errors = new List<FieldError>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in submitted.Keys.Where(k => Field(k) is null))
        {
            errors.Add(new FieldError(name, "is not a parameter of this product."));
        }

        foreach (var field in Fields)
        {
            var value = submitted.TryGetValue(field.Name, out var given) ? given : field.PinnedValue ?? field.Default;
            if (value is null)
            {
                errors.Add(new FieldError(field.Name, $"{field.Label} is required."));
                continue;
            }

            values[field.Name] = value;
            errors.AddRange(CheckField(field, value).Select(message => new FieldError(field.Name, message)));
        }

        if (errors.Count == 0)
        {
            errors.AddRange(CheckRules(values));
        }

        return new ParameterValidationResult(errors, values);
    }

    /// <summary>Checks one field as the user types (no cross-field rules); empty when the value is acceptable.</summary>
    public IReadOnlyList<string> ValidateField(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Field(name) is not { } field)
        {
            return ["is not a parameter of this product."];
        }

        var effective = value ?? field.PinnedValue ?? field.Default;
        return effective is null ? [$"{field.Label} is required."] : CheckField(field, effective).ToList();
    }

    private static IEnumerable<string> CheckField(ParameterFormField field, string value)
    {
        var constraint = field.ConstraintDescription is null ? string.Empty : $" {field.ConstraintDescription}";
        if (field.PinnedValue is not null && value != field.PinnedValue)
        {
            yield return $"{field.Label} is fixed to '{field.PinnedValue}' for this product.";
            yield break;
        }

        var items = field.IsList ? value.Split(',', StringSplitOptions.TrimEntries) : [value];
        if (field.AllowedValues.Count > 0)
        {
            var outside = items.Where(i => !field.AllowedValues.Contains(i, StringComparer.Ordinal)).ToList();
            if (outside.Count > 0)
            {
                yield return $"{field.Label} must be one of: {string.Join(", ", field.AllowedValues)}.{constraint}";
            }
        }

        if (field.MinLength is { } min && value.Length < min)
        {
            yield return $"{field.Label} must be at least {min} characters long.{constraint}";
        }

        if (field.MaxLength is { } max && value.Length > max)
        {
            yield return $"{field.Label} must be at most {max} characters long.{constraint}";
        }

        if (field.AllowedPattern is { } pattern && !field.IsList)
        {
            var matches = FullMatch(pattern, value);
            if (matches is null)
            {
                yield return $"{field.Label} could not be checked against its pattern in time; use a simpler value.";
            }
            else if (matches == false)
            {
                yield return field.IsSecret || field.ConstraintDescription is not null
                    ? $"{field.Label} has an invalid format.{constraint}"
                    : $"{field.Label} must match the pattern {pattern}.";
            }
        }

        if (field.Kind is ParameterControlKind.Number or ParameterControlKind.NumberList)
        {
            foreach (var item in items)
            {
                if (!decimal.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    yield return $"{field.Label} must be a number.";
                }
                else if (field.MinValue is { } low && number < low)
                {
                    yield return $"{field.Label} must be at least {low.ToString(CultureInfo.InvariantCulture)}.{constraint}";
                }
                else if (field.MaxValue is { } high && number > high)
                {
                    yield return $"{field.Label} must be at most {high.ToString(CultureInfo.InvariantCulture)}.{constraint}";
                }
            }
        }
    }

    private static bool? FullMatch(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.None, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return true; // an invalid pattern is reported when the template is analysed
        }
    }

    private IEnumerable<FieldError> CheckRules(Dictionary<string, string> values)
    {
        IReadOnlyList<string>? Lookup(string name)
        {
            if (!values.TryGetValue(name, out var value))
            {
                return null;
            }

            return Field(name) is { IsList: true } ? value.Split(',', StringSplitOptions.TrimEntries) : [value];
        }

        foreach (var rule in Rules)
        {
            if (rule.RuleCondition is not null && RuleExpressionEvaluator.Evaluate(rule.RuleCondition, Lookup) == false)
            {
                continue;
            }

            foreach (var assertion in rule.Assertions)
            {
                if (RuleExpressionEvaluator.Evaluate(assertion.Assert, Lookup) == false)
                {
                    var field = RuleExpressionEvaluator.ReferencedParameters(assertion.Assert).FirstOrDefault() ?? string.Empty;
                    yield return new FieldError(field, assertion.Description ?? $"The values break rule '{rule.Name}'.");
                }
            }
        }
    }
}
