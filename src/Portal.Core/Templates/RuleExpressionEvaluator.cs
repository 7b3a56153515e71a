namespace Portal.Core.Templates;

/// <summary>
/// Evaluates rule conditions and assertions (Fn::Equals, Fn::Contains, Fn::EachMemberIn, Fn::And, …) against
/// known parameter values. Returns null when the expression cannot be evaluated with what is known.
/// </summary>
internal static class RuleExpressionEvaluator
{
    private const int MaxDepth = 32;

    public static bool? Evaluate(TemplateValue expression, Func<string, IReadOnlyList<string>?> lookup, int depth = 0)
    {
        if (depth > MaxDepth || expression is not TemplateIntrinsic call)
        {
            return expression is TemplateScalar scalar && (scalar.IsTrue || scalar.IsFalse) ? scalar.IsTrue : null;
        }

        var args = call.Arguments;
        switch (call.Function)
        {
            case IntrinsicFunctions.EqualsFn when args.Count == 2:
                {
                    var left = Values(args[0], lookup, depth);
                    var right = Values(args[1], lookup, depth);
                    return left is null || right is null ? null : left.SequenceEqual(right, StringComparer.Ordinal);
                }

            case IntrinsicFunctions.Not when args.Count == 1:
                return Evaluate(args[0], lookup, depth + 1) is { } inner ? !inner : null;

            case IntrinsicFunctions.And:
                {
                    var results = args.Select(a => Evaluate(a, lookup, depth + 1)).ToList();
                    return results.Any(r => r == false) ? false : results.All(r => r == true) ? true : null;
                }

            case IntrinsicFunctions.Or:
                {
                    var results = args.Select(a => Evaluate(a, lookup, depth + 1)).ToList();
                    return results.Any(r => r == true) ? true : results.All(r => r == false) ? false : null;
                }

            case IntrinsicFunctions.Contains when args.Count == 2:
                {
                    var list = Values(args[0], lookup, depth);
                    var value = Values(args[1], lookup, depth);
                    return list is null || value is not { Count: 1 } ? null : list.Contains(value[0], StringComparer.Ordinal);
                }

            case IntrinsicFunctions.EachMemberEquals when args.Count == 2:
                {
                    var list = Values(args[0], lookup, depth);
                    var value = Values(args[1], lookup, depth);
                    return list is null || value is not { Count: 1 } ? null : list.All(v => v == value[0]);
                }

            case IntrinsicFunctions.EachMemberIn when args.Count == 2:
                {
                    var members = Values(args[0], lookup, depth);
                    var allowed = Values(args[1], lookup, depth);
                    return members is null || allowed is null ? null : members.All(m => allowed.Contains(m, StringComparer.Ordinal));
                }

            default:
                return null;
        }
    }

    /// <summary>The values an argument stands for: a literal, a list of literals, or a parameter's value(s).</summary>
    public static IReadOnlyList<string>? Values(TemplateValue value, Func<string, IReadOnlyList<string>?> lookup, int depth = 0) => value switch
    {
        TemplateScalar scalar => [scalar.Value],
        TemplateSequence sequence when sequence.Items.All(i => i is TemplateScalar) => sequence.Items.Cast<TemplateScalar>().Select(s => s.Value).ToList(),
        TemplateIntrinsic { Function: IntrinsicFunctions.Ref, TargetName: { } name } => lookup(name),
        TemplateIntrinsic call when depth < MaxDepth && call.Function is IntrinsicFunctions.EqualsFn or IntrinsicFunctions.And or IntrinsicFunctions.Or or IntrinsicFunctions.Not or IntrinsicFunctions.Contains
            => Evaluate(call, lookup, depth + 1) is { } result ? [result ? "true" : "false"] : null,
        _ => null,
    };

    /// <summary>The parameter names an expression refers to.</summary>
    public static IEnumerable<string> ReferencedParameters(TemplateValue value, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            yield break;
        }

        switch (value)
        {
            case TemplateIntrinsic { Function: IntrinsicFunctions.Ref, TargetName: { } name }:
                yield return name;
                break;
            case TemplateIntrinsic call:
                foreach (var name in call.Arguments.SelectMany(a => ReferencedParameters(a, depth + 1)))
                {
                    yield return name;
                }

                break;
            case TemplateSequence sequence:
                foreach (var name in sequence.Items.SelectMany(i => ReferencedParameters(i, depth + 1)))
                {
                    yield return name;
                }

                break;
        }
    }
}
