using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Portal.Core.Templates;

/// <summary>
/// Turns YAML or JSON text into a <see cref="TemplateValue"/> tree with positions, using YamlDotNet's event
/// parser. Enforces the depth and alias-expansion limits and reports duplicate keys and unknown tags.
/// </summary>
internal sealed partial class TemplateTreeReader
{
    private readonly TemplateLimits _limits;
    private readonly List<TemplateDiagnostic> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, (TemplateValue Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private readonly Parser _parser;
    private long _expandedNodes;
    private Mark _lastMark = Mark.Empty;

    private TemplateTreeReader(string text, TemplateLimits limits, List<TemplateDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        _limits = limits;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _parser = new Parser(new StringReader(text));
    }

    public static TemplateValue? Read(string text, TemplateLimits limits, List<TemplateDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var reader = new TemplateTreeReader(text, limits, diagnostics, cancellationToken);
        return reader.ReadDocument();
    }

    private TemplateValue? ReadDocument()
    {
        try
        {
            Next(); // StreamStart
            Next();
            if (_parser.Current is StreamEnd)
            {
                Add(TemplateErrorCodes.Structure, "The template is empty.", new SourcePosition(1, 1));
                return null;
            }

            Next(); // DocumentStart
            var (root, _) = ReadNode(0);
            Next(); // past DocumentEnd: StreamEnd or a second DocumentStart
            if (_parser.Current is DocumentStart second)
            {
                Add(TemplateErrorCodes.Structure, "The file holds more than one YAML document; a template must be exactly one document.", Position(second.Start));
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            var message = LocationPrefix().Replace(ex.Message, string.Empty).Trim();
            Add(TemplateErrorCodes.Syntax, $"The template is not valid YAML or JSON: {message}", Position(ex.Start));
            return null;
        }
        catch (ReadAbortedException)
        {
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // YamlDotNet throws InvalidOperationException or ArgumentException (e.g. "Global tags must be valid
            // URIs") on some malformed input instead of a YamlException; found by the property tests.
            var detail = ex is ArgumentException ? $" ({ex.Message.Split(" (Parameter", 2)[0].TrimEnd('.')})" : string.Empty;
            Add(TemplateErrorCodes.Syntax, $"The template is not valid YAML or JSON near here{detail}; look for an unclosed [ or {{, a stray quote, a bad tag or wrong indentation.", Position(_lastMark));
            return null;
        }
    }

    private (TemplateValue Node, long Size) ReadNode(int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var current = _parser.Current;
        switch (current)
        {
            case AnchorAlias alias:
                {
                    Next();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var entry))
                    {
                        Add(TemplateErrorCodes.Syntax, $"The alias *{alias.Value.Value} refers to no anchor defined before it.", Position(alias.Start));
                        return (new TemplateScalar(string.Empty, false, Position(alias.Start)), 1);
                    }

                    Count(entry.Size, alias.Start);
                    return entry;
                }

            case Scalar scalar:
                {
                    Next();
                    Count(1, scalar.Start);
                    var isQuoted = scalar.Style is not ScalarStyle.Plain || IsCoreStringTag(scalar.Tag);
                    TemplateValue node = new TemplateScalar(scalar.Value, isQuoted, Position(scalar.Start));
                    node = ApplyTag(node, scalar.Tag, scalar.Start);
                    return Remember(scalar.Anchor, node, 1);
                }

            case SequenceStart start:
                {
                    CheckDepth(depth, start.Start);
                    Next();
                    Count(1, start.Start);
                    var items = new List<TemplateValue>();
                    long size = 1;
                    while (_parser.Current is not SequenceEnd)
                    {
                        var (item, itemSize) = ReadNode(depth + 1);
                        items.Add(item);
                        size += itemSize;
                    }

                    Next();
                    TemplateValue node = new TemplateSequence(items, Position(start.Start));
                    node = ApplyTag(node, start.Tag, start.Start);
                    return Remember(start.Anchor, node, size);
                }

            case MappingStart start:
                {
                    CheckDepth(depth, start.Start);
                    Next();
                    Count(1, start.Start);
                    var properties = new List<TemplateProperty>();
                    var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
                    long size = 1;
                    while (_parser.Current is not MappingEnd)
                    {
                        var keyEvent = _parser.Current;
                        var (key, keySize) = ReadNode(depth + 1);
                        var (value, valueSize) = ReadNode(depth + 1);
                        size += keySize + valueSize;
                        if (key is not TemplateScalar keyScalar)
                        {
                            Add(TemplateErrorCodes.Structure, "A mapping key must be plain text, not a list, mapping or function.", Position(keyEvent!.Start));
                            continue;
                        }

                        if (seen.TryGetValue(keyScalar.Value, out var first))
                        {
                            Add(TemplateErrorCodes.DuplicateKey, $"The key '{keyScalar.Value}' appears twice in the same mapping (first at line {first.Line}); CloudFormation would silently keep only one.", keyScalar.Position);
                            continue;
                        }

                        seen.Add(keyScalar.Value, keyScalar.Position);
                        properties.Add(new TemplateProperty(keyScalar.Value, keyScalar.Position, value));
                    }

                    Next();
                    var position = Position(start.Start);
                    TemplateValue node = (TemplateValue?)ToIntrinsicIfFunction(properties, position) ?? new TemplateMapping(properties, position);
                    node = ApplyTag(node, start.Tag, start.Start);
                    return Remember(start.Anchor, node, size);
                }

            default:
                throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, $"unexpected {current?.GetType().Name ?? "end of input"}.");
        }
    }

    private TemplateIntrinsic? ToIntrinsicIfFunction(List<TemplateProperty> properties, SourcePosition position)
    {
        var functionKeys = properties.Where(p => p.Key == IntrinsicFunctions.Ref || p.Key.StartsWith("Fn::", StringComparison.Ordinal)).ToList();
        if (functionKeys.Count == 0)
        {
            if (properties is [{ Key: IntrinsicFunctions.Condition, Value: TemplateScalar conditionName }])
            {
                return new TemplateIntrinsic(IntrinsicFunctions.Condition, conditionName, position);
            }

            return null;
        }

        if (functionKeys.FirstOrDefault(p => p.Key.StartsWith("Fn::ForEach", StringComparison.Ordinal)) is { } loop)
        {
            Add(TemplateErrorCodes.UnknownFunction, $"'{loop.Key}' (the AWS::LanguageExtensions loop) is not supported by the portal's analyser; write the resources out.", loop.KeyPosition);
            return null;
        }

        if (properties.Count > 1)
        {
            var function = functionKeys[0];
            Add(TemplateErrorCodes.MalformedFunction, $"'{function.Key}' must be the only key in its mapping; found {string.Join(", ", properties.Select(p => $"'{p.Key}'"))}.", function.KeyPosition);
            return null;
        }

        var single = properties[0];
        if (!IntrinsicFunctions.All.Contains(single.Key))
        {
            Add(TemplateErrorCodes.UnknownFunction, $"'{single.Key}' is not a CloudFormation intrinsic function.", single.KeyPosition);
            return null;
        }

        return new TemplateIntrinsic(single.Key, single.Value, position);
    }

    private TemplateValue ApplyTag(TemplateValue node, TagName tag, Mark start)
    {
        if (tag.IsEmpty || tag.IsNonSpecific || tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            return node;
        }

        var function = IntrinsicFunctions.FromTag(tag.Value);
        if (function is null)
        {
            Add(TemplateErrorCodes.UnknownTag, $"Unknown tag '{tag.Value}'. CloudFormation short forms are !Ref, !Sub, !GetAtt, !Join, !Select, !Split, !If, !Equals, !And, !Or, !Not, !FindInMap, !GetAZs, !ImportValue, !Base64, !Cidr, !Condition and !Transform.", Position(start));
            return node;
        }

        if (function == IntrinsicFunctions.GetAtt && node is TemplateScalar dotted)
        {
            var dot = dotted.Value.IndexOf('.', StringComparison.Ordinal);
            TemplateValue argument = dot <= 0 || dot == dotted.Value.Length - 1
                ? new TemplateSequence([dotted], dotted.Position)
                : new TemplateSequence(
                    [
                        new TemplateScalar(dotted.Value[..dot], dotted.IsQuoted, dotted.Position),
                        new TemplateScalar(dotted.Value[(dot + 1)..], dotted.IsQuoted, new SourcePosition(dotted.Position.Line, dotted.Position.Column + dot + 1)),
                    ],
                    dotted.Position);
            return new TemplateIntrinsic(function, argument, Position(start));
        }

        return new TemplateIntrinsic(function, node, Position(start));
    }

    private (TemplateValue Node, long Size) Remember(AnchorName anchor, TemplateValue node, long size)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = (node, size);
        }

        return (node, size);
    }

    private void CheckDepth(int depth, Mark start)
    {
        if (depth >= _limits.MaxDepth)
        {
            Add(TemplateErrorCodes.TooDeep, $"The template nests lists and mappings more than {_limits.MaxDepth} levels deep; flatten it.", Position(start));
            throw new ReadAbortedException();
        }
    }

    private void Count(long nodes, Mark start)
    {
        _expandedNodes += nodes;
        if (_expandedNodes > _limits.MaxExpandedNodes)
        {
            Add(TemplateErrorCodes.AliasExpansion, $"The template expands to more than {_limits.MaxExpandedNodes:N0} values (YAML aliases multiply nodes); reduce its size or its aliases.", Position(start));
            throw new ReadAbortedException();
        }
    }

    private void Next()
    {
        if (_parser.Current is { } current)
        {
            _lastMark = current.End;
        }

        if (!_parser.MoveNext())
        {
            throw new YamlException("unexpected end of input.");
        }
    }

    private void Add(string code, string message, SourcePosition position) => _diagnostics.Add(new TemplateDiagnostic(code, message, position));

    private static bool IsCoreStringTag(TagName tag) => !tag.IsEmpty && tag.Value == "tag:yaml.org,2002:str";

    private static SourcePosition Position(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    [GeneratedRegex(@"^\(Line: [^)]*\) - \(Line: [^)]*\):\s*")]
    private static partial Regex LocationPrefix();

    private sealed class ReadAbortedException : Exception
    {
    }
}
