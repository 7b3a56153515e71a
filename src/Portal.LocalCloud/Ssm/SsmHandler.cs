using System.Text.Json.Nodes;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Ssm;

/// <summary>SSM Parameter Store in JSON 1.1 (<c>AmazonSSM</c>).</summary>
public sealed class SsmHandler : IJsonService
{
    public string TargetPrefix => "AmazonSSM";

    public string SigningName => "ssm";

    public string ValidationErrorCode => "ValidationException";

    public bool IsReadOnly(string operation) =>
        operation.StartsWith("Get", StringComparison.Ordinal) || operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal);

    public JsonObject Invoke(string operation, JsonInput input, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var ssm = context.RegionState.Ssm;
        switch (operation)
        {
            case "PutParameter":
            {
                var parameter = ssm.Put(
                    input.Required("Name", 1, 2048),
                    input.Required("Value"),
                    input.Enum("Type", "String", "StringList", "SecureString"),
                    input.Bool("Overwrite") ?? false,
                    input.Optional("Description", 0, 1024),
                    input.Optional("KeyId", 1, 256),
                    input.Optional("AllowedPattern", 0, 1024),
                    input.Enum("Tier", "Standard", "Advanced", "Intelligent-Tiering"),
                    input.Enum("DataType", "text", "aws:ec2:image", "aws:ssm:integration"),
                    input.Tags().Select(t => new Tag(t.Key, t.Value)).ToList(),
                    context.Caller.Arn,
                    context.Now);
                return new JsonObject { ["Version"] = parameter.Version, ["Tier"] = parameter.Tier };
            }

            case "GetParameter":
            {
                var decrypt = input.Bool("WithDecryption") ?? false;
                return new JsonObject { ["Parameter"] = Render(ssm.Get(input.Required("Name", 1, 2048)), decrypt, context) };
            }

            case "GetParameters":
            {
                var names = input.Strings("Names");
                if (names.Count is < 1 or > 10)
                {
                    throw input.Invalid("Names", "Member must have length less than or equal to 10 and greater than or equal to 1");
                }

                var decrypt = input.Bool("WithDecryption") ?? false;
                var found = new JsonArray();
                var invalid = new JsonArray();
                foreach (var name in names.Distinct(StringComparer.Ordinal))
                {
                    if (ssm.TryGet(name, out var parameter))
                    {
                        found.Add(Render(parameter!, decrypt, context));
                    }
                    else
                    {
                        invalid.Add(name);
                    }
                }

                return new JsonObject { ["Parameters"] = found, ["InvalidParameters"] = invalid };
            }

            case "GetParametersByPath":
            {
                var decrypt = input.Bool("WithDecryption") ?? false;
                var all = ssm.ByPath(input.Required("Path", 1, 2048), input.Bool("Recursive") ?? false);
                var (page, next) = Paging.Page(all, input.Str("NextToken"), input.Int("MaxResults", 1, 10) ?? 10);
                var output = new JsonObject { ["Parameters"] = new JsonArray(page.Select(p => (JsonNode)Render(p, decrypt, context)).ToArray()) };
                if (next is not null)
                {
                    output["NextToken"] = next;
                }

                return output;
            }

            case "DeleteParameter":
                ssm.Delete(input.Required("Name", 1, 2048));
                return [];
            case "DeleteParameters":
            {
                var deleted = new JsonArray();
                var invalid = new JsonArray();
                foreach (var name in input.Strings("Names"))
                {
                    if (ssm.Parameters.Remove(name))
                    {
                        deleted.Add(name);
                    }
                    else
                    {
                        invalid.Add(name);
                    }
                }

                return new JsonObject { ["DeletedParameters"] = deleted, ["InvalidParameters"] = invalid };
            }

            case "DescribeParameters":
            {
                var all = ssm.Parameters.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
                var (page, next) = Paging.Page(all, input.Str("NextToken"), input.Int("MaxResults", 1, 50) ?? 50);
                var output = new JsonObject
                {
                    ["Parameters"] = new JsonArray(page.Select(p => (JsonNode)new JsonObject
                    {
                        ["Name"] = p.Name,
                        ["Type"] = p.Type,
                        ["Version"] = p.Version,
                        ["LastModifiedDate"] = AwsTime.Epoch(p.LastModifiedDate),
                        ["LastModifiedUser"] = p.LastModifiedUser,
                        ["Description"] = p.Description,
                        ["Tier"] = p.Tier,
                        ["DataType"] = p.DataType,
                        ["Policies"] = new JsonArray(),
                    }).ToArray()),
                };
                if (next is not null)
                {
                    output["NextToken"] = next;
                }

                return output;
            }

            default:
                throw new ServiceException("UnknownOperationException", $"LocalCloud does not implement SSM operation {operation}.");
        }
    }

    private static JsonObject Render(SsmParameter parameter, bool decrypt, RequestContext context) => new()
    {
        ["Name"] = parameter.Name,
        ["Type"] = parameter.Type,
        ["Value"] = parameter.Type == "SecureString" && !decrypt
            ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("localcloud-encrypted:" + parameter.KeyId + ":" + parameter.Version))
            : parameter.Value,
        ["Version"] = parameter.Version,
        ["LastModifiedDate"] = AwsTime.Epoch(parameter.LastModifiedDate),
        ["ARN"] = $"arn:aws:ssm:{context.Region}:{context.AccountId}:parameter{(parameter.Name.StartsWith('/') ? string.Empty : "/")}{parameter.Name}",
        ["DataType"] = parameter.DataType,
    };
}
