using System.Reflection;
using System.Text.Json;
using Portal.Aws.Configuration;
using Portal.Aws.Protocols;

namespace Portal.Aws.Tests.Contract;

/// <summary>
/// Compares what a typed operation sends and reads with botocore's model: protocol, target prefix, API version,
/// signing name, the operation name, and — recursively — every member name and scalar type of the request and
/// response shapes (wire names honour <c>locationName</c>). Required input members must be present.
/// Returns one line per violation; an empty list means the operation matches the model.
/// </summary>
internal static class ContractChecker
{
    public static IReadOnlyList<string> Check(IAwsOperation operation, BotocoreModel model)
    {
        var violations = new List<string>();
        var service = operation.Service;
        var expectedProtocol = service.Protocol switch { AwsProtocol.Json => "json", AwsProtocol.Query => "query", AwsProtocol.Ec2 => "ec2", _ => "rest-xml" };
        if (model.Protocol != expectedProtocol)
        {
            violations.Add($"{service.Key}: protocol is '{model.Protocol}', client speaks '{expectedProtocol}'.");
        }

        if (model.TargetPrefix != service.TargetPrefix)
        {
            violations.Add($"{service.Key}: target prefix is '{model.TargetPrefix}', client sends '{service.TargetPrefix}'.");
        }

        if (model.ApiVersion != service.ApiVersion)
        {
            violations.Add($"{service.Key}: API version is '{model.ApiVersion}', client sends '{service.ApiVersion}'.");
        }

        if (model.SigningName != service.SigningName)
        {
            violations.Add($"{service.Key}: signing name is '{model.SigningName}', client signs for '{service.SigningName}'.");
        }

        if (!model.Operations.TryGetProperty(operation.Name, out var definition))
        {
            violations.Add($"{service.Key}: no operation named '{operation.Name}'.");
            return violations;
        }

        var path = $"{service.Key}.{operation.Name}";
        if (definition.TryGetProperty("input", out var input))
        {
            CheckShape(model, operation.RequestType, input.GetProperty("shape").GetString()!, $"{path} request", isInput: true, violations);
        }
        else if (operation.RequestType.GetProperties().Length > 0)
        {
            violations.Add($"{path}: takes no input but the client sends {operation.RequestType.Name}.");
        }

        if (definition.TryGetProperty("output", out var output))
        {
            CheckShape(model, operation.ResponseType, output.GetProperty("shape").GetString()!, $"{path} response", isInput: false, violations);
        }

        return violations;
    }

    private static void CheckShape(BotocoreModel model, Type type, string shapeName, string path, bool isInput, List<string> violations)
    {
        var shape = model.Shapes.GetProperty(shapeName);
        var kind = shape.GetProperty("type").GetString();
        var underlying = Nullable.GetUnderlyingType(type) ?? type;

        if (Scalar(underlying) is { } expected)
        {
            if (!expected.Contains(kind))
            {
                violations.Add($"{path}: is {underlying.Name} but the model's {shapeName} is a {kind}.");
            }

            return;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            if (kind != "list")
            {
                violations.Add($"{path}: is a list but the model's {shapeName} is a {kind}.");
                return;
            }

            var member = shape.GetProperty("member");
            if (model.Protocol == "query" && (shape.TryGetProperty("flattened", out var flat) && flat.GetBoolean()
                || member.TryGetProperty("locationName", out var itemName) && itemName.GetString() != "member"))
            {
                violations.Add($"{path}: {shapeName} is not a plain <member> list, which the query client assumes.");
            }

            CheckShape(model, underlying.GetGenericArguments()[0], member.GetProperty("shape").GetString()!, path + "[]", isInput, violations);
            return;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            if (kind != "map")
            {
                violations.Add($"{path}: is a map but the model's {shapeName} is a {kind}.");
                return;
            }

            CheckShape(model, underlying.GetGenericArguments()[1], shape.GetProperty("value").GetProperty("shape").GetString()!, path + "{}", isInput, violations);
            return;
        }

        if (kind != "structure")
        {
            violations.Add($"{path}: is a structure ({underlying.Name}) but the model's {shapeName} is a {kind}.");
            return;
        }

        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (shape.TryGetProperty("members", out var declared))
        {
            foreach (var member in declared.EnumerateObject())
            {
                var wireName = member.Value.TryGetProperty("locationName", out var location) ? location.GetString()! : member.Name;
                members[wireName] = member.Value;
            }
        }

        var properties = underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var property in properties)
        {
            if (!members.TryGetValue(property.Name, out var member))
            {
                violations.Add($"{path}: '{property.Name}' is not a member of {shapeName} (members: {string.Join(", ", members.Keys)}).");
                continue;
            }

            CheckShape(model, property.PropertyType, member.GetProperty("shape").GetString()!, $"{path}.{property.Name}", isInput, violations);
        }

        if (isInput && shape.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (properties.All(p => p.Name != name))
                {
                    violations.Add($"{path}: required member '{name}' of {shapeName} is never sent.");
                }
            }
        }
    }

    private static string[]? Scalar(Type type) =>
        type == typeof(string) ? ["string", "blob"]
        : type == typeof(bool) ? ["boolean"]
        : type == typeof(int) ? ["integer"]
        : type == typeof(long) ? ["long", "integer"]
        : type == typeof(double) ? ["double", "float"]
        : type == typeof(DateTimeOffset) ? ["timestamp"]
        : null;
}
