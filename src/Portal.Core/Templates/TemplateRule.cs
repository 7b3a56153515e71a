namespace Portal.Core.Templates;

/// <summary>A rule from the <c>Rules</c> section or a Service Catalog TEMPLATE constraint.</summary>
public sealed record TemplateRule(string Name, TemplateValue? RuleCondition, IReadOnlyList<TemplateRuleAssertion> Assertions, SourcePosition Position);
