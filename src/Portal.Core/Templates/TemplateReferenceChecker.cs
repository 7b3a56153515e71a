namespace Portal.Core.Templates;

/// <summary>
/// Checks the shape of every intrinsic call and that each reference names a declared parameter, resource,
/// condition or mapping; finds dependency cycles between resources and between conditions.
/// </summary>
internal sealed class TemplateReferenceChecker
{
    private enum Section
    {
        Conditions,
        Rules,
        Resources,
        Outputs,
        Other,
    }

    private readonly CloudFormationTemplate _template;
    private readonly List<TemplateDiagnostic> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<string> _parameters;
    private readonly HashSet<string> _resources;
    private readonly HashSet<string> _conditions;
    private readonly Dictionary<string, HashSet<string>> _resourceEdges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _conditionEdges = new(StringComparer.Ordinal);
    private HashSet<string>? _currentEdges;

    private TemplateReferenceChecker(CloudFormationTemplate template, List<TemplateDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        _template = template;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _parameters = template.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        _resources = template.Resources.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);
        _conditions = template.Conditions.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
    }

    public static void Check(CloudFormationTemplate template, List<TemplateDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        new TemplateReferenceChecker(template, diagnostics, cancellationToken).Run();
    }

    private void Run()
    {
        foreach (var condition in _template.Conditions)
        {
            _currentEdges = _conditionEdges[condition.Name] = new HashSet<string>(StringComparer.Ordinal);
            Walk(condition.Expression, Section.Conditions);
        }

        _currentEdges = null;
        if (_template.Root["Rules"] is { } rules)
        {
            Walk(rules, Section.Rules);
        }

        if (_template.Root["Mappings"] is { } mappings)
        {
            Walk(mappings, Section.Other);
        }

        if (_template.Root["Resources"] is TemplateMapping resourceSection)
        {
            foreach (var resource in _template.Resources)
            {
                _currentEdges = _resourceEdges[resource.LogicalId] = new HashSet<string>(StringComparer.Ordinal);
                foreach (var dependency in resource.DependsOn)
                {
                    if (_resources.Contains(dependency))
                    {
                        _currentEdges.Add(dependency);
                    }
                    else
                    {
                        Add(TemplateErrorCodes.UndefinedReference, $"Resource '{resource.LogicalId}' DependsOn '{dependency}', which is not a resource of this template.", resource.Position);
                    }
                }

                CheckConditionName(resource.Condition, $"Resource '{resource.LogicalId}'", resource.Position);
                if (resourceSection[resource.LogicalId] is TemplateMapping definition)
                {
                    foreach (var attribute in definition.Properties.Where(p => p.Key != "Condition" && p.Key != "DependsOn" && p.Key != "Type"))
                    {
                        Walk(attribute.Value, Section.Resources);
                    }
                }
            }
        }

        _currentEdges = null;
        foreach (var output in _template.Outputs)
        {
            CheckConditionName(output.Condition, $"Output '{output.Name}'", output.Position);
        }

        if (_template.Root["Outputs"] is { } outputs)
        {
            Walk(outputs, Section.Outputs);
        }

        ReportCycles(_resourceEdges, "Resources", "remove a DependsOn, Ref, GetAtt or ${…} so that one of them no longer needs the other", name => _template.FindResource(name)?.Position);
        ReportCycles(_conditionEdges, "Conditions", "make one condition stop referring to the other", name => _template.FindCondition(name)?.Position);
    }

    private void CheckConditionName(string? name, string owner, SourcePosition position)
    {
        if (name is not null && !_conditions.Contains(name))
        {
            Add(TemplateErrorCodes.UndefinedReference, $"{owner} uses the condition '{name}', which is not defined in the Conditions section.", position);
        }
    }

    private void Walk(TemplateValue value, Section section)
    {
        // Iterative walk: alias-expanded trees can be wide, and depth is already bounded by the reader.
        var stack = new Stack<TemplateValue>();
        stack.Push(value);
        var visited = 0;
        while (stack.Count > 0)
        {
            if ((++visited & 0xFFF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            switch (stack.Pop())
            {
                case TemplateSequence sequence:
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push(sequence.Items[i]);
                    }

                    break;
                case TemplateMapping mapping:
                    for (var i = mapping.Properties.Count - 1; i >= 0; i--)
                    {
                        stack.Push(mapping.Properties[i].Value);
                    }

                    break;
                case TemplateIntrinsic intrinsic:
                    if (CheckIntrinsic(intrinsic, section))
                    {
                        stack.Push(intrinsic.Argument);
                    }

                    break;
            }
        }
    }

    /// <summary>Checks one call; returns whether its argument should be walked further.</summary>
    private bool CheckIntrinsic(TemplateIntrinsic call, Section section)
    {
        var name = IntrinsicFunctions.ShortName(call.Function);
        var args = call.Argument as TemplateSequence;
        if (IntrinsicFunctions.RuleOnly.Contains(call.Function) && section != Section.Rules)
        {
            Add(TemplateErrorCodes.MalformedFunction, $"{name} can only be used in the Rules section.", call.Position);
        }

        switch (call.Function)
        {
            case IntrinsicFunctions.Ref:
                if (call.Argument is not TemplateScalar { IsNull: false } target)
                {
                    return Malformed(call, "!Ref needs the name of a parameter or resource.");
                }

                CheckRef(target.Value, call.Position, section, "!Ref");
                return false;

            case IntrinsicFunctions.Condition:
                if (call.Argument is not TemplateScalar { IsNull: false } condition)
                {
                    return Malformed(call, "!Condition needs the name of a condition.");
                }

                if (!_conditions.Contains(condition.Value))
                {
                    Add(TemplateErrorCodes.UndefinedReference, $"!Condition {condition.Value} refers to a condition that is not defined in the Conditions section.", call.Position);
                }
                else if (section == Section.Conditions)
                {
                    _currentEdges?.Add(condition.Value);
                }

                return false;

            case IntrinsicFunctions.GetAtt:
                if (args is not { Items: [TemplateScalar resource, TemplateScalar or TemplateIntrinsic] })
                {
                    return Malformed(call, "!GetAtt needs 'Resource.Attribute' or a list [Resource, Attribute].");
                }

                if (section is Section.Conditions or Section.Rules)
                {
                    Add(TemplateErrorCodes.MalformedFunction, $"!GetAtt cannot be used in the {section} section; only parameters are known there.", call.Position);
                }
                else if (!_resources.Contains(resource.Value))
                {
                    Add(TemplateErrorCodes.UndefinedReference, $"!GetAtt refers to '{resource.Value}', which is not a resource of this template.", call.Position);
                }
                else
                {
                    _currentEdges?.Add(resource.Value);
                }

                return true;

            case IntrinsicFunctions.Sub:
                return CheckSub(call, section);

            case IntrinsicFunctions.Join:
                return Expect(call, args is { Items: [TemplateScalar, TemplateSequence or TemplateIntrinsic] }, "!Join needs [delimiter, [values…]].");

            case IntrinsicFunctions.Select:
                return Expect(call, args is { Items: [TemplateScalar or TemplateIntrinsic, TemplateSequence or TemplateIntrinsic] }, "!Select needs [index, list].");

            case IntrinsicFunctions.Split:
                return Expect(call, args is { Items: [TemplateScalar, TemplateScalar or TemplateIntrinsic] }, "!Split needs [delimiter, text].");

            case IntrinsicFunctions.If:
                if (args is not { Items: [TemplateScalar conditionName, _, _] })
                {
                    return Malformed(call, "!If needs [ConditionName, value if true, value if false].");
                }

                if (!_conditions.Contains(conditionName.Value))
                {
                    Add(TemplateErrorCodes.UndefinedReference, $"!If uses the condition '{conditionName.Value}', which is not defined in the Conditions section.", conditionName.Position);
                }

                Walk(args.Items[1], section);
                Walk(args.Items[2], section);
                return false;

            case IntrinsicFunctions.EqualsFn:
                return Expect(call, args is { Items.Count: 2 }, "!Equals needs exactly two values to compare.");

            case IntrinsicFunctions.And:
            case IntrinsicFunctions.Or:
                return Expect(call, args is { Items.Count: >= 2 and <= 10 }, $"{name} needs a list of 2 to 10 conditions.");

            case IntrinsicFunctions.Not:
                return Expect(call, args is { Items.Count: 1 }, "!Not needs a list with exactly one condition.");

            case IntrinsicFunctions.FindInMap:
                return CheckFindInMap(call, args);

            case IntrinsicFunctions.GetAZs:
            case IntrinsicFunctions.ImportValue:
                return Expect(call, call.Argument is TemplateScalar or TemplateIntrinsic, $"{name} needs a single value, not a list or mapping.");

            case IntrinsicFunctions.Base64:
                return Expect(call, call.Argument is TemplateScalar or TemplateIntrinsic, "!Base64 needs text to encode.");

            case IntrinsicFunctions.Cidr:
                return Expect(call, args is { Items.Count: 3 }, "!Cidr needs [ipBlock, count, cidrBits].");

            case IntrinsicFunctions.Transform:
                return Expect(call, call.Argument is TemplateMapping transform && transform["Name"] is not null, "!Transform needs a mapping with Name and Parameters.");

            case IntrinsicFunctions.Contains:
            case IntrinsicFunctions.EachMemberEquals:
            case IntrinsicFunctions.EachMemberIn:
                return Expect(call, args is { Items.Count: 2 }, $"{name} needs two arguments.");

            default:
                return true;
        }
    }

    private bool CheckSub(TemplateIntrinsic call, Section section)
    {
        TemplateScalar? text;
        var localNames = new HashSet<string>(StringComparer.Ordinal);
        switch (call.Argument)
        {
            case TemplateScalar scalar:
                text = scalar;
                break;
            case TemplateSequence { Items: [TemplateScalar scalar, TemplateMapping variables] }:
                text = scalar;
                foreach (var variable in variables.Properties)
                {
                    localNames.Add(variable.Key);
                    Walk(variable.Value, section);
                }

                break;
            default:
                return Malformed(call, "!Sub needs a string, or [string, {Variable: value, …}].");
        }

        foreach (var variable in SubstitutionParser.Variables(text.Value))
        {
            if (localNames.Contains(variable))
            {
                continue;
            }

            var dot = variable.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                var resource = variable[..dot];
                if (!_resources.Contains(resource))
                {
                    Add(TemplateErrorCodes.UndefinedReference, $"!Sub uses ${{{variable}}}, but '{resource}' is not a resource of this template.", text.Position);
                }
                else
                {
                    _currentEdges?.Add(resource);
                }
            }
            else
            {
                CheckRef(variable, text.Position, section, "!Sub");
            }
        }

        return false;
    }

    private bool CheckFindInMap(TemplateIntrinsic call, TemplateSequence? args)
    {
        if (args is not { Items.Count: 3 or 4 })
        {
            return Malformed(call, "!FindInMap needs [MapName, TopLevelKey, SecondLevelKey].");
        }

        if (args.Items[0] is TemplateScalar mapName)
        {
            if (_template.Mappings[mapName.Value] is not TemplateMapping map)
            {
                Add(TemplateErrorCodes.UndefinedReference, $"!FindInMap refers to the mapping '{mapName.Value}', which is not defined in the Mappings section.", mapName.Position);
            }
            else if (args.Items.Count == 3 && args.Items[1] is TemplateScalar top && args.Items[2] is TemplateScalar second)
            {
                if (map[top.Value] is not TemplateMapping level)
                {
                    Add(TemplateErrorCodes.UndefinedReference, $"The mapping '{mapName.Value}' has no key '{top.Value}'.", top.Position);
                }
                else if (level[second.Value] is null)
                {
                    Add(TemplateErrorCodes.UndefinedReference, $"The mapping '{mapName.Value}.{top.Value}' has no key '{second.Value}'.", second.Position);
                }
            }
        }

        return true;
    }

    private void CheckRef(string target, SourcePosition position, Section section, string function)
    {
        if (PseudoParameters.All.Contains(target) || _parameters.Contains(target))
        {
            return;
        }

        if (_resources.Contains(target))
        {
            if (section is Section.Conditions or Section.Rules)
            {
                Add(TemplateErrorCodes.UndefinedReference, $"{function} {target} refers to a resource, but the {section} section can only use parameters.", position);
            }
            else
            {
                _currentEdges?.Add(target);
            }

            return;
        }

        var kinds = section is Section.Conditions or Section.Rules ? "parameter" : "parameter, resource";
        Add(TemplateErrorCodes.UndefinedReference, $"{function} refers to '{target}', which is not a {kinds} or pseudo parameter of this template.", position);
    }

    private bool Expect(TemplateIntrinsic call, bool wellFormed, string message) => wellFormed || Malformed(call, message);

    private bool Malformed(TemplateIntrinsic call, string message)
    {
        Add(TemplateErrorCodes.MalformedFunction, $"{message} Found {call.Argument.Describe()}.", call.Position);
        return true;
    }

    private void ReportCycles(Dictionary<string, HashSet<string>> edges, string what, string advice, Func<string, SourcePosition?> position)
    {
        // Iterative depth-first search; each back edge closes a cycle that is reported once.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in edges.Keys)
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            var path = new List<string>();
            var stack = new Stack<(string Node, IEnumerator<string> Next)>();
            state[start] = 1;
            path.Add(start);
            stack.Push((start, edges[start].GetEnumerator()));
            while (stack.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var (node, next) = stack.Peek();
                if (!next.MoveNext())
                {
                    state[node] = 2;
                    path.RemoveAt(path.Count - 1);
                    stack.Pop();
                    continue;
                }

                var child = next.Current;
                if (!edges.TryGetValue(child, out var childEdges))
                {
                    continue;
                }

                if (!state.TryGetValue(child, out var childState))
                {
                    state[child] = 1;
                    path.Add(child);
                    stack.Push((child, childEdges.GetEnumerator()));
                }
                else if (childState == 1)
                {
                    var cycle = path.Skip(path.IndexOf(child)).ToList();
                    var key = string.Join("|", cycle.Order(StringComparer.Ordinal));
                    if (reported.Add(key))
                    {
                        var chain = string.Join(" → ", cycle.Append(child));
                        Add(TemplateErrorCodes.DependencyCycle, $"{what} depend on each other in a circle: {chain}. CloudFormation cannot order them; {advice}.", position(child) ?? SourcePosition.None);
                    }
                }
            }
        }
    }

    private void Add(string code, string message, SourcePosition position) => _diagnostics.Add(new TemplateDiagnostic(code, message, position));
}
