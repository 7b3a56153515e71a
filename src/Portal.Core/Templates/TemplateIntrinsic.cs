namespace Portal.Core.Templates;

/// <summary>
/// An intrinsic function call such as <c>Ref</c>, <c>Fn::GetAtt</c> or <c>Fn::If</c>. The short YAML form
/// (<c>!GetAtt a.b</c>) and the long form (<c>{"Fn::GetAtt": ["a", "b"]}</c>) produce the same node.
/// </summary>
public sealed class TemplateIntrinsic : TemplateValue
{
    public TemplateIntrinsic(string function, TemplateValue argument, SourcePosition position)
        : base(position)
    {
        Function = function;
        Argument = argument;
    }

    /// <summary>The long name: <c>Ref</c>, <c>Condition</c> or <c>Fn::Xxx</c>.</summary>
    public string Function { get; }

    public TemplateValue Argument { get; }

    /// <summary>The argument list, or a one-element list when the argument is not a sequence.</summary>
    public IReadOnlyList<TemplateValue> Arguments => Argument is TemplateSequence sequence ? sequence.Items : [Argument];

    /// <summary>For <c>Ref</c> and <c>Condition</c>: the referenced name.</summary>
    public string? TargetName => Argument is TemplateScalar scalar ? scalar.Value : null;

    public override string Describe()
    {
        var shortName = Function.StartsWith("Fn::", StringComparison.Ordinal) ? Function[4..] : Function;
        return Argument switch
        {
            TemplateScalar scalar => $"!{shortName} {scalar.Value}",
            TemplateSequence { Items.Count: > 0 } sequence when Function == "Fn::GetAtt" => $"!GetAtt {string.Join(".", sequence.Items.Select(i => i is TemplateScalar s ? s.Value : i.Describe()))}",
            _ => $"!{shortName} {Argument.Describe()}",
        };
    }
}
