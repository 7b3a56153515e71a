using BenchmarkDotNet.Attributes;
using Portal.Core.Guardrails;
using Portal.Core.Templates;

namespace Portal.Core.Benchmarks;

/// <summary>Parsing + checks, and guardrail evaluation, for a 60-resource and a ~1 MB template.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TemplateAnalysisBenchmarks
{
    private readonly GuardrailEngine _engine = new(TimeProvider.System);
    private string _text = string.Empty;
    private CloudFormationTemplate _template = null!;

    [Params("60 resources", "1 MB")]
    public string Size { get; set; } = "60 resources";

    [GlobalSetup]
    public void Setup()
    {
        _text = Size == "1 MB" ? BenchmarkTemplates.OfSize(1_040_000) : BenchmarkTemplates.WithResources(60);
        var analysis = TemplateAnalyzer.Analyze(_text);
        if (!analysis.IsValid)
        {
            throw new InvalidOperationException("Benchmark template is invalid: " + string.Join("; ", analysis.Errors));
        }

        _template = analysis.Template!;
        Console.WriteLine($"// {Size}: {System.Text.Encoding.UTF8.GetByteCount(_text):N0} bytes, {_template.Resources.Count} resources, {_engine.Evaluate(_template).Findings.Count} findings");
    }

    [Benchmark(Description = "Analyze (parse + references + fingerprint)")]
    public TemplateAnalysis Analyze() => TemplateAnalyzer.Analyze(_text);

    [Benchmark(Description = "Guardrails (25 rules)")]
    public GuardrailReport Guardrails() => _engine.Evaluate(_template);

    [Benchmark(Description = "Analyze + guardrails")]
    public GuardrailReport Lint() => _engine.Evaluate(TemplateAnalyzer.Analyze(_text).Template!);
}
