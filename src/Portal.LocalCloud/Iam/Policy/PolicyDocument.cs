using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.LocalCloud.Iam.Policy;

/// <summary>A parsed IAM policy document (identity, trust or resource policy).</summary>
public sealed record PolicyDocument(string? Version, IReadOnlyList<PolicyStatement> Statements, string Json)
{
    /// <summary>Policy variables (<c>${aws:username}</c>) are only substituted under this version.</summary>
    public bool SupportsVariables => Version == "2012-10-17";

    private const int CacheLimit = 512;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(PolicyKind Kind, string Json), PolicyDocument> Parsed = new();

    /// <summary>
    /// <see cref="Parse"/> through a bounded cache keyed by the document text: enforcement parses the same stored
    /// policies for every call a role session makes (a stack under a launch role evaluates them per resource).
    /// Documents are immutable, so a cached one is as good as a fresh one; malformed documents are not cached.
    /// </summary>
    public static PolicyDocument ParseCached(string json, PolicyKind kind = PolicyKind.Identity)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Parsed.TryGetValue((kind, json), out var cached))
        {
            return cached;
        }

        var document = Parse(json, kind);
        if (Parsed.Count >= CacheLimit)
        {
            Parsed.Clear();
        }

        Parsed[(kind, json)] = document;
        return document;
    }

    /// <summary>Parses and validates a policy document with IAM's MalformedPolicyDocument texts.</summary>
    public static PolicyDocument Parse(string json, PolicyKind kind = PolicyKind.Identity)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new PolicyFormatException("Syntax errors in policy.");
        }
        catch (JsonException ex)
        {
            throw new PolicyFormatException("Syntax errors in policy.", ex);
        }

        var version = Text(root["Version"]);
        if (version is not null and not "2012-10-17" and not "2008-10-17")
        {
            throw new PolicyFormatException("The policy failed legacy parsing");
        }

        var statements = root["Statement"] switch
        {
            JsonArray list => list.ToList(),
            JsonObject single => [single],
            _ => throw new PolicyFormatException("Syntax errors in policy."),
        };

        var positions = StatementPositions(json);
        return new PolicyDocument(
            version,
            statements.Select((s, i) => ParseStatement(s as JsonObject, i, kind) with
            {
                StartPosition = i < positions.Count ? positions[i].Start : null,
                EndPosition = i < positions.Count ? positions[i].End : null,
            }).ToList(),
            json);
    }

    /// <summary>Where each statement object starts and ends: the column just after its braces, 1-based.</summary>
    private static List<(PolicyPosition Start, PolicyPosition End)> StatementPositions(string json)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(utf8);
        var result = new List<(PolicyPosition, PolicyPosition)>();
        string? rootProperty = null;
        var inStatementArray = false;
        long start = -1;
        var statementDepth = -1;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    rootProperty = reader.GetString();
                    break;
                case JsonTokenType.StartArray when reader.CurrentDepth == 1:
                    inStatementArray = rootProperty == "Statement";
                    break;
                case JsonTokenType.EndArray when reader.CurrentDepth == 1:
                    inStatementArray = false;
                    break;
                case JsonTokenType.StartObject when (reader.CurrentDepth == 1 && rootProperty == "Statement") || (reader.CurrentDepth == 2 && inStatementArray):
                    start = reader.TokenStartIndex;
                    statementDepth = reader.CurrentDepth;
                    break;
                case JsonTokenType.EndObject when reader.CurrentDepth == statementDepth && start >= 0:
                    result.Add((After(utf8, start), After(utf8, reader.TokenStartIndex)));
                    start = -1;
                    statementDepth = -1;
                    break;
            }
        }

        return result;
    }

    private static PolicyPosition After(byte[] utf8, long offset)
    {
        var line = 1;
        long lineStart = 0;
        for (long i = 0; i < offset; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new PolicyPosition(line, (int)(offset - lineStart) + 2);
    }

    private static PolicyStatement ParseStatement(JsonObject? node, int index, PolicyKind kind)
    {
        if (node is null)
        {
            throw new PolicyFormatException("Syntax errors in policy.");
        }

        var effect = Text(node["Effect"]) switch
        {
            "Allow" => PolicyEffect.Allow,
            "Deny" => PolicyEffect.Deny,
            var other => throw new PolicyFormatException($"Invalid effect: {other}"),
        };
        var actions = List(node["Action"]);
        var notActions = List(node["NotAction"]);
        if ((actions is null) == (notActions is null))
        {
            throw new PolicyFormatException("Policy statement must contain actions.");
        }

        var resources = List(node["Resource"]);
        var notResources = List(node["NotResource"]);
        if (resources is not null && notResources is not null)
        {
            throw new PolicyFormatException("Syntax errors in policy.");
        }

        if (kind == PolicyKind.Identity && resources is null && notResources is null)
        {
            throw new PolicyFormatException("Policy statement must contain resources.");
        }

        var principal = Principal(node["Principal"]);
        var notPrincipal = Principal(node["NotPrincipal"]);
        if (kind == PolicyKind.Identity && (principal is not null || notPrincipal is not null))
        {
            throw new PolicyFormatException("Policy document should not specify a principal.");
        }

        if (kind == PolicyKind.Trust && principal is null && notPrincipal is null)
        {
            throw new PolicyFormatException("Missing required field Principal");
        }

        foreach (var action in (actions ?? notActions)!)
        {
            if (action != "*" && !action.Contains(':', StringComparison.Ordinal))
            {
                throw new PolicyFormatException($"Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
            }
        }

        return new PolicyStatement(index, Text(node["Sid"]), effect, actions, notActions, resources, notResources, principal, notPrincipal,
            Conditions(node["Condition"]));
    }

    private static List<PolicyCondition> Conditions(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonObject block)
        {
            throw new PolicyFormatException("Syntax errors in policy.");
        }

        var result = new List<PolicyCondition>();
        foreach (var (op, keys) in block)
        {
            if (!ConditionOperators.IsKnown(op))
            {
                throw new PolicyFormatException($"Invalid Condition type : {op}.");
            }

            if (keys is not JsonObject map)
            {
                throw new PolicyFormatException("Syntax errors in policy.");
            }

            foreach (var (key, values) in map)
            {
                if (!key.Contains(':', StringComparison.Ordinal))
                {
                    throw new PolicyFormatException("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
                }

                result.Add(new PolicyCondition(op, key, List(values) ?? []));
            }
        }

        return result;
    }

    private static PolicyPrincipal? Principal(JsonNode? node) => node switch
    {
        null => null,
        JsonValue when Text(node) == "*" => new PolicyPrincipal(true, new Dictionary<string, IReadOnlyList<string>>()),
        JsonObject map => new PolicyPrincipal(false, map.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)(List(p.Value) ?? []), StringComparer.Ordinal)),
        _ => throw new PolicyFormatException("Invalid principal in policy"),
    };

    internal static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    private static List<string>? List(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => array.Select(item => Text(item) ?? throw new PolicyFormatException("Syntax errors in policy.")).ToList(),
        JsonValue => [Text(node) ?? throw new PolicyFormatException("Syntax errors in policy.")],
        _ => throw new PolicyFormatException("Syntax errors in policy."),
    };
}
