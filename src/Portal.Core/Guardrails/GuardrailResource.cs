using Portal.Core.Templates;

namespace Portal.Core.Guardrails;

/// <summary>A resource as the rules see it, whether it came from a template or from a live account.</summary>
/// <param name="Id">The template's logical id, or the live resource's name or ARN.</param>
/// <param name="Type">The CloudFormation type name, e.g. <c>AWS::SageMaker::NotebookInstance</c>.</param>
/// <param name="Properties">The properties, with CloudFormation property names.</param>
/// <param name="Position">Where the resource is declared (none for live resources).</param>
public sealed record GuardrailResource(string Id, string Type, TemplateMapping Properties, SourcePosition Position);
