using System.Collections;
using System.Globalization;
using System.Text.Json;
using Portal.Core.Templates;

namespace Portal.Core.Guardrails;

/// <summary>
/// A live resource read from AWS, described neutrally so the same rules judge it: the CloudFormation type name,
/// an id (name or ARN) and properties keyed by CloudFormation property names. Property values may be strings,
/// booleans, numbers, <see cref="JsonElement"/>s, dictionaries and lists of these.
/// </summary>
/// <remarks>
/// Types that CloudFormation has no resource for use the same naming: <c>AWS::SageMaker::TrainingJob</c>,
/// <c>AWS::SageMaker::ProcessingJob</c>, <c>AWS::SageMaker::HyperParameterTuningJob</c> and
/// <c>AWS::SageMaker::TransformJob</c>, with the request field names of the Create… API.
/// </remarks>
public sealed record ResourceDescription(string Type, string Id, IReadOnlyDictionary<string, object?> Properties)
{
    /// <summary>Converts the description to the form the rules evaluate.</summary>
    public GuardrailResource ToGuardrailResource() => new(Id, Type, (TemplateMapping)Convert(Properties, 0), SourcePosition.None);

    private static TemplateValue Convert(object? value, int depth)
    {
        if (depth > 64)
        {
            return new TemplateScalar(string.Empty, false, SourcePosition.None);
        }

        return value switch
        {
            null => new TemplateScalar(string.Empty, false, SourcePosition.None),
            TemplateValue node => node,
            string text => new TemplateScalar(text, true, SourcePosition.None),
            bool flag => new TemplateScalar(flag ? "true" : "false", false, SourcePosition.None),
            JsonElement json => FromJson(json, depth),
            IFormattable number => new TemplateScalar(number.ToString(null, CultureInfo.InvariantCulture), false, SourcePosition.None),
            IEnumerable<KeyValuePair<string, object?>> map => new TemplateMapping(map.Select(p => new TemplateProperty(p.Key, SourcePosition.None, Convert(p.Value, depth + 1))).ToList(), SourcePosition.None),
            IDictionary dictionary => new TemplateMapping(dictionary.Keys.Cast<object>().Select(k => new TemplateProperty(k.ToString() ?? string.Empty, SourcePosition.None, Convert(dictionary[k], depth + 1))).ToList(), SourcePosition.None),
            IEnumerable list => new TemplateSequence(list.Cast<object?>().Select(i => Convert(i, depth + 1)).ToList(), SourcePosition.None),
            _ => new TemplateScalar(value.ToString() ?? string.Empty, true, SourcePosition.None),
        };
    }

    private static TemplateValue FromJson(JsonElement json, int depth) => json.ValueKind switch
    {
        JsonValueKind.Object => new TemplateMapping(json.EnumerateObject().Select(p => new TemplateProperty(p.Name, SourcePosition.None, Convert(p.Value, depth + 1))).ToList(), SourcePosition.None),
        JsonValueKind.Array => new TemplateSequence(json.EnumerateArray().Select(i => Convert(i, depth + 1)).ToList(), SourcePosition.None),
        JsonValueKind.String => new TemplateScalar(json.GetString() ?? string.Empty, true, SourcePosition.None),
        JsonValueKind.True => new TemplateScalar("true", false, SourcePosition.None),
        JsonValueKind.False => new TemplateScalar("false", false, SourcePosition.None),
        JsonValueKind.Number => new TemplateScalar(json.GetRawText(), false, SourcePosition.None),
        _ => new TemplateScalar(string.Empty, false, SourcePosition.None),
    };
}
