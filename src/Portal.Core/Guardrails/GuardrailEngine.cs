using Portal.Core.Templates;

namespace Portal.Core.Guardrails;

/// <summary>
/// Evaluates guardrail rules over a template's resources (preventive) or over live resources (detective),
/// and separates findings covered by a valid <see cref="FindingAcceptance"/>.
/// </summary>
public sealed class GuardrailEngine
{
    private readonly TimeProvider _timeProvider;

    public GuardrailEngine(TimeProvider timeProvider, IEnumerable<GuardrailRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        Rules = (rules ?? BaselineRules.All).ToList();
    }

    public IReadOnlyList<GuardrailRule> Rules { get; }

    /// <summary>Evaluates every rule over a parsed template.</summary>
    public GuardrailReport Evaluate(CloudFormationTemplate template, IEnumerable<FindingAcceptance>? acceptances = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        var resources = template.Resources.Select(r => new GuardrailResource(r.LogicalId, r.Type, r.Properties, r.Position)).ToList();
        var findings = Run(new GuardrailContext(template, resources), cancellationToken)
            .Select(f => f with { FileName = template.FileName })
            .ToList();
        return Split(findings, acceptances);
    }

    /// <summary>Evaluates every rule over live resources described neutrally.</summary>
    public GuardrailReport Evaluate(IEnumerable<ResourceDescription> resources, IEnumerable<FindingAcceptance>? acceptances = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var views = resources.Select(r => r.ToGuardrailResource()).ToList();
        return Split(Run(new GuardrailContext(null, views), cancellationToken).ToList(), acceptances);
    }

    /// <summary>Compares the open findings of two template versions (for the publish dialog and two-person review).</summary>
    /// <remarks>Findings match on rule, resource, property path and message; line numbers may differ between versions.</remarks>
    public GuardrailDelta CompareVersions(CloudFormationTemplate before, CloudFormationTemplate after, IEnumerable<FindingAcceptance>? acceptances = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var list = acceptances?.ToList() ?? [];
        var old = Evaluate(before, list, cancellationToken).Findings;
        var current = Evaluate(after, list, cancellationToken).Findings;
        var oldKeys = old.Select(Key).ToHashSet();
        var newKeys = current.Select(Key).ToHashSet();
        return new GuardrailDelta(
            current.Where(f => !oldKeys.Contains(Key(f))).ToList(),
            old.Where(f => !newKeys.Contains(Key(f))).ToList(),
            current.Where(f => oldKeys.Contains(Key(f))).ToList());

        static (string, string, string, string) Key(GuardrailFinding f) => (f.RuleId, f.ResourceId, f.PropertyPath, f.Message);
    }

    private IEnumerable<GuardrailFinding> Run(GuardrailContext context, CancellationToken cancellationToken)
    {
        foreach (var resource in context.Resources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var rule in Rules.Where(r => r.AppliesTo(resource.Type)))
            {
                var seen = new HashSet<(string, string)>();
                foreach (var violation in rule.Check(context, resource))
                {
                    if (!seen.Add((violation.PropertyPath, violation.Message)))
                    {
                        continue;
                    }

                    var position = violation.Position.IsKnown ? violation.Position : resource.Position;
                    yield return new GuardrailFinding(rule.Id, rule.Title, rule.Severity, resource.Id, resource.Type, violation.PropertyPath, position.Line, position.Column, violation.Message);
                }
            }
        }
    }

    private GuardrailReport Split(List<GuardrailFinding> findings, IEnumerable<FindingAcceptance>? acceptances)
    {
        var now = _timeProvider.GetUtcNow();
        var all = acceptances?.ToList() ?? [];
        var valid = all.Where(a => !a.IsExpired(now)).ToList();
        var open = new List<GuardrailFinding>();
        var accepted = new List<AcceptedFinding>();
        foreach (var finding in findings)
        {
            var acceptance = valid.FirstOrDefault(a => a.Covers(finding));
            if (acceptance is null)
            {
                open.Add(finding);
            }
            else
            {
                accepted.Add(new AcceptedFinding(finding, acceptance));
            }
        }

        var ordered = open.OrderByDescending(f => f.Severity).ThenBy(f => f.Line).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
        return new GuardrailReport(ordered, accepted, all.Where(a => a.IsExpired(now)).ToList());
    }
}
