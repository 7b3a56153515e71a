using System.Globalization;
using System.Xml.Linq;
using Portal.Aws.Tests.Contract;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>
/// Checks a Query-protocol answer (<c>&lt;OpResponse&gt;&lt;OpResult&gt;…</c>) against botocore's output shape: every element
/// must be a member (lists as <c>&lt;member&gt;</c>), scalars must parse as the model's type and enum values must be listed.
/// </summary>
internal static class QueryOutputChecker
{
    public static IReadOnlyList<string> Check(BotocoreModel model, string operation, XElement response)
    {
        var violations = new List<string>();
        if (!model.Operations.TryGetProperty(operation, out var definition))
        {
            return [$"no operation named '{operation}'."];
        }

        if (response.Name.LocalName != operation + "Response")
        {
            violations.Add($"{operation}: root element is <{response.Name.LocalName}>.");
        }

        var result = response.Elements().FirstOrDefault(e => e.Name.LocalName == operation + "Result");
        if (definition.TryGetProperty("output", out var output))
        {
            var shape = output.GetProperty("shape").GetString()!;
            if (result is null)
            {
                violations.Add($"{operation}: no <{operation}Result> element.");
            }
            else
            {
                CheckElement(model, shape, result, operation, violations);
            }
        }

        return violations;
    }

    private static void CheckElement(BotocoreModel model, string shapeName, XElement element, string path, List<string> violations)
    {
        var shape = model.Shapes.GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure":
                var members = WireContractChecker.Members(shape);
                foreach (var child in element.Elements())
                {
                    if (members.TryGetValue(child.Name.LocalName, out var member))
                    {
                        CheckElement(model, member, child, $"{path}.{child.Name.LocalName}", violations);
                    }
                    else
                    {
                        violations.Add($"{path}: <{child.Name.LocalName}> is not a member of {shapeName}.");
                    }
                }

                break;
            case "list":
                var item = shape.GetProperty("member");
                var itemName = item.TryGetProperty("locationName", out var location) ? location.GetString()! : "member";
                foreach (var child in element.Elements())
                {
                    if (child.Name.LocalName == itemName)
                    {
                        CheckElement(model, item.GetProperty("shape").GetString()!, child, path + "[]", violations);
                    }
                    else
                    {
                        violations.Add($"{path}: list item <{child.Name.LocalName}> should be <{itemName}>.");
                    }
                }

                break;
            case "string":
                WireContractChecker.CheckScalar(model, shapeName, element.Value, path, violations);
                break;
            case "boolean" when element.Value is not ("true" or "false"):
                violations.Add($"{path}: '{element.Value}' is not a boolean.");
                break;
            case "integer" or "long" when !long.TryParse(element.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                violations.Add($"{path}: '{element.Value}' is not an integer.");
                break;
            case "timestamp" when !DateTimeOffset.TryParse(element.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _):
                violations.Add($"{path}: '{element.Value}' is not an ISO-8601 timestamp.");
                break;
        }
    }
}
