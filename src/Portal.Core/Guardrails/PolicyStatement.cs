using Portal.Core.Templates;

namespace Portal.Core.Guardrails;

/// <summary>An IAM policy statement read from a resolved policy document, with its path and position.</summary>
internal sealed record PolicyStatement(
    string Effect,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> NotActions,
    IReadOnlyList<string> Resources,
    IReadOnlyList<PolicyCondition> Conditions,
    string Path,
    SourcePosition Position)
{
    /// <summary>Set when the statement stands for an attached AWS managed policy.</summary>
    public string? ManagedPolicy { get; init; }

    /// <summary>How messages name the statement.</summary>
    public string Subject => ManagedPolicy is null ? "The statement" : $"The AWS managed policy {ManagedPolicy}";

    /// <summary>Reads the statements of one resolved policy document (all alternatives of !If are included).</summary>
    public static IEnumerable<PolicyStatement> Read(GuardrailContext context, ResolvedValue document)
    {
        if (document.Kind != ResolvedValueKind.Literal)
        {
            yield break;
        }

        foreach (var statementList in context.ResolvePath([document], "Statement"))
        {
            foreach (var statement in context.Items(statementList))
            {
                if (statement is { Kind: ResolvedValueKind.Literal, Value: TemplateMapping })
                {
                    var effects = Strings(context, statement, "Effect");
                    var effect = effects.Any(e => e.Equals("Allow", StringComparison.OrdinalIgnoreCase)) ? "Allow"
                        : effects.Any(e => e.Equals("Deny", StringComparison.OrdinalIgnoreCase)) ? "Deny" : "Unknown";
                    yield return new PolicyStatement(
                        effect,
                        Strings(context, statement, "Action"),
                        Strings(context, statement, "NotAction"),
                        Strings(context, statement, "Resource"),
                        ReadConditions(statement),
                        statement.Path,
                        statement.Position);
                }
            }
        }
    }

    public bool Allows(string action) => Effect == "Allow" && Matches(action);

    public bool Denies(string action) => Effect == "Deny" && Matches(action);

    public bool Matches(string action) =>
        Actions.Any(pattern => Glob(pattern, action))
        || (NotActions.Count > 0 && !NotActions.Any(pattern => Glob(pattern, action)));

    /// <summary>Case-insensitive IAM wildcard match (<c>*</c> any run, <c>?</c> one character).</summary>
    public static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static List<string> Strings(GuardrailContext context, ResolvedValue statement, string key)
    {
        var values = new List<string>();
        foreach (var value in context.ResolvePath([statement], key))
        {
            foreach (var item in context.Items(value))
            {
                if (item.Text is { } text)
                {
                    values.Add(text);
                }
                else if (item.Kind == ResolvedValueKind.Computed)
                {
                    values.Add("<computed>");
                }
            }
        }

        return values;
    }

    private static List<PolicyCondition> ReadConditions(ResolvedValue statement)
    {
        var conditions = new List<PolicyCondition>();
        if (statement.Value is not TemplateMapping mapping || mapping["Condition"] is not TemplateMapping block)
        {
            return conditions;
        }

        foreach (var op in block.Properties)
        {
            if (op.Value is not TemplateMapping keys)
            {
                continue;
            }

            foreach (var key in keys.Properties)
            {
                IReadOnlyList<string> values = key.Value switch
                {
                    TemplateScalar scalar => [scalar.Value],
                    TemplateSequence list => list.Items.Select(i => i is TemplateScalar s ? s.Value : "<computed>").ToList(),
                    _ => ["<computed>"],
                };
                conditions.Add(new PolicyCondition(op.Key, key.Key, values));
            }
        }

        return conditions;
    }
}
