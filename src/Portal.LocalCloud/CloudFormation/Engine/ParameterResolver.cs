using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>Validates supplied parameter values against a template's declarations with AWS's error texts.</summary>
public static class ParameterResolver
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Resolves every declared parameter. <paramref name="previous"/> supplies values for <c>UsePreviousValue</c>
    /// (UpdateStack, Service Catalog updates). Throws <see cref="CloudFormationException"/> on the first failing rule.
    /// </summary>
    public static Task<IReadOnlyDictionary<string, ResolvedParameter>> ResolveAsync(
        Template template,
        IReadOnlyList<ParameterInput> supplied,
        IReadOnlyDictionary<string, ResolvedParameter>? previous,
        ISsmParameterResolver? ssm,
        CancellationToken cancellationToken) =>
        ResolveAsync(template, supplied, previous, ssm, null, cancellationToken);

    /// <summary>As above, also checking AWS-specific values (<c>AWS::EC2::Subnet::Id</c>, …) through <paramref name="awsValues"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, ResolvedParameter>> ResolveAsync(
        Template template,
        IReadOnlyList<ParameterInput> supplied,
        IReadOnlyDictionary<string, ResolvedParameter>? previous,
        ISsmParameterResolver? ssm,
        IAwsParameterValidator? awsValues,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(supplied);

        var unknown = supplied.Where(s => template.FindParameter(s.Key) is null).Select(s => s.Key).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw CloudFormationException.Validation($"Parameters: [{string.Join(", ", unknown)}] do not exist in the template");
        }

        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var declaration in template.Parameters)
        {
            var input = supplied.LastOrDefault(s => s.Key == declaration.Name);
            string? value = input switch
            {
                { UsePreviousValue: true } => previous is not null && previous.TryGetValue(declaration.Name, out var old)
                    ? old.SuppliedValue
                    : throw CloudFormationException.Validation($"Invalid input for parameter key {declaration.Name}. Cannot specify usePreviousValue as true for a parameter key not in the previous template"),
                { Value: not null } => input.Value,
                _ => declaration.Default,
            };
            if (value is null)
            {
                missing.Add(declaration.Name);
            }
            else
            {
                raw[declaration.Name] = value;
            }
        }

        if (missing.Count > 0)
        {
            throw CloudFormationException.Validation($"Parameters: [{string.Join(", ", missing)}] must have values");
        }

        var unresolvedSsm = new List<string>();
        var result = new Dictionary<string, ResolvedParameter>(StringComparer.Ordinal);
        foreach (var declaration in template.Parameters)
        {
            var suppliedValue = raw[declaration.Name];
            string effective = suppliedValue;
            string? resolved = null;
            if (declaration.IsSsm)
            {
                var fetched = ssm is null ? null : await ssm.GetParameterValueAsync(suppliedValue, cancellationToken).ConfigureAwait(false);
                if (fetched is null)
                {
                    unresolvedSsm.Add(suppliedValue);
                    continue;
                }

                effective = resolved = fetched;
            }

            var value = Validate(declaration, effective);
            await CheckExistsAsync(declaration, value, awsValues, cancellationToken).ConfigureAwait(false);
            result[declaration.Name] = new ResolvedParameter(declaration, suppliedValue, value, resolved);
        }

        if (unresolvedSsm.Count > 0)
        {
            throw CloudFormationException.Validation(
                $"Unable to fetch parameters [{string.Join(",", unresolvedSsm)}] from parameter store for this account.");
        }

        return result;
    }

    /// <summary>AWS-specific types must name existing resources: <c>Parameter validation failed: parameter value X for parameter name Y does not exist</c>.</summary>
    private static async Task CheckExistsAsync(ParameterDeclaration declaration, JsonNode value, IAwsParameterValidator? validator, CancellationToken cancellationToken)
    {
        var type = declaration.EffectiveType;
        var itemType = type.StartsWith("List<", StringComparison.Ordinal) ? type[5..^1] : type;
        if (validator is null || !itemType.StartsWith("AWS::", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var item in TemplateValues.AsStringList(value))
        {
            if (!await validator.ExistsAsync(itemType, item, cancellationToken).ConfigureAwait(false))
            {
                throw CloudFormationException.Validation(
                    $"Parameter validation failed: parameter value {item} for parameter name {declaration.Name} does not exist");
            }
        }
    }

    private static JsonNode Validate(ParameterDeclaration declaration, string value)
    {
        var type = declaration.EffectiveType;
        if (declaration.IsList)
        {
            var items = value.Length == 0 ? [] : value.Split(',').Select(i => type == "CommaDelimitedList" ? i : i.Trim()).ToList();
            var itemType = type == "CommaDelimitedList" ? "String" : type[5..^1];
            foreach (var item in items)
            {
                CheckScalar(declaration, itemType, item);
            }

            return TemplateValues.ToArray(items);
        }

        CheckScalar(declaration, type, value);
        return JsonValue.Create(value);
    }

    private static void CheckScalar(ParameterDeclaration declaration, string type, string value)
    {
        var name = declaration.Name;
        if (type == "Number")
        {
            if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw CloudFormationException.Validation($"Parameter '{name}' must be a number.");
            }

            if (declaration.MinValue is { } min && number < min)
            {
                throw Constraint(declaration, $"Parameter '{name}' must be a number not less than {Format(min)}");
            }

            if (declaration.MaxValue is { } max && number > max)
            {
                throw Constraint(declaration, $"Parameter '{name}' must be a number not greater than {Format(max)}");
            }
        }
        else
        {
            if (declaration.MinLength is { } minLength && value.Length < minLength)
            {
                throw Constraint(declaration, $"Parameter '{name}' must contain at least {minLength} characters");
            }

            if (declaration.MaxLength is { } maxLength && value.Length > maxLength)
            {
                throw Constraint(declaration, $"Parameter '{name}' must contain at most {maxLength} characters");
            }

            if (declaration.AllowedPattern is { } pattern && !MatchesWhole(pattern, value))
            {
                throw Constraint(declaration, $"Parameter '{name}' must match pattern {pattern}");
            }
        }

        if (declaration.AllowedValues is { } allowed && !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw Constraint(declaration, $"Parameter '{name}' must be one of AllowedValues");
        }
    }

    private static CloudFormationException Constraint(ParameterDeclaration declaration, string message) =>
        CloudFormationException.Validation(declaration.ConstraintDescription is { Length: > 0 } description
            ? $"Parameter '{declaration.Name}' failed to satisfy constraint: {description}"
            : message);

    private static bool MatchesWhole(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            throw CloudFormationException.Validation($"Template format error: AllowedPattern {pattern} is not a valid regular expression");
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
