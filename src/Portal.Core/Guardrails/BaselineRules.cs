using Portal.Core.Templates;

namespace Portal.Core.Guardrails;

/// <summary>
/// The baseline guardrails of the secure data-science environment (workshop controls and their known gaps).
/// Every rule works on templates and on live <see cref="ResourceDescription"/>s alike.
/// </summary>
public static partial class BaselineRules
{
    // Lazy: the rules are static properties spread over partial files, so they must be read after type initialisation.
#pragma warning disable CS8601 // the compiler cannot see that the properties are initialised by then
    private static readonly Lazy<IReadOnlyList<GuardrailRule>> AllRules = new(() =>
    [
        NotebookDirectInternetAccess, NotebookRootAccess, NotebookKmsKey, NotebookNetworkPlacement,
        JobVpc, JobKms, JobInterContainerEncryption, EndpointConfigKms, DataCaptureKms,
        BucketKmsEncryption, BucketPublicAccessBlock, BucketTlsOnly, BucketVpcEndpointOnly,
        IamAdministratorAccess, IamPassRoleWithoutService, IamSageMakerWithoutVpc, IamSageMakerWithoutKms, IamSageMakerWithoutInterContainerEncryption,
        InternetGateway, NatGateway, DefaultRouteToInternet, IngressFromAnywhere, InternetFacingLoadBalancer, PublicIpAddresses,
        KmsKeyRotation,
    ]);
#pragma warning restore CS8601

    /// <summary>Every baseline rule, in documentation order.</summary>
    public static IReadOnlyList<GuardrailRule> All => AllRules.Value;

    /// <summary>Finds a rule by id (case-insensitive).</summary>
    public static GuardrailRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Violations when a property is not the required value; absence counts as the service default.</summary>
    private static IEnumerable<RuleViolation> RequireValue(GuardrailContext context, GuardrailResource resource, string path, string required, string serviceDefault)
    {
        var name = path.Split('.')[^1];
        foreach (var value in context.Resolve(resource, path))
        {
            switch (value.Kind)
            {
                case ResolvedValueKind.Literal when value.Text is { } text && !string.Equals(text, required, StringComparison.OrdinalIgnoreCase):
                    yield return new RuleViolation(value.Path, value.Position, $"{name} is '{text}'{value.OriginSuffix}; it must be '{required}'.");
                    break;
                case ResolvedValueKind.Literal when value.Text is null:
                    yield return new RuleViolation(value.Path, value.Position, $"{name} must be '{required}', not {value.Value?.Describe()}.");
                    break;
                case ResolvedValueKind.Absent when !string.Equals(serviceDefault, required, StringComparison.OrdinalIgnoreCase):
                    yield return new RuleViolation(value.Path, value.Position, $"{name} is not set{value.OriginSuffix}, so the default '{serviceDefault}' applies; set it to '{required}'.");
                    break;
                case ResolvedValueKind.Computed when value.Parameter is { } parameter:
                    yield return new RuleViolation(value.Path, value.Position, $"{name} comes from parameter '{parameter}', which accepts any value; set '{required}' directly or restrict the parameter with AllowedValues: ['{required}'].");
                    break;
            }
        }
    }

    /// <summary>Violations when a property is missing or empty.</summary>
    private static IEnumerable<RuleViolation> RequirePresent(GuardrailContext context, GuardrailResource resource, string path, string why)
    {
        var name = path.Split('.')[^1].TrimEnd('[', ']');
        foreach (var value in context.Resolve(resource, path))
        {
            var empty = value.Kind == ResolvedValueKind.Absent
                || (value.Kind == ResolvedValueKind.Literal && value.Value is TemplateScalar { Value.Length: 0 } or TemplateScalar { IsNull: true } or TemplateSequence { Items.Count: 0 });
            if (empty)
            {
                yield return new RuleViolation(value.Path, value.Position, $"{name} is not set{value.OriginSuffix}; {why}");
            }
        }
    }

    /// <summary>Violations for every resolved value of a path that matches a predicate.</summary>
    private static IEnumerable<RuleViolation> Forbid(GuardrailContext context, GuardrailResource resource, string path, Func<string, bool> isForbidden, Func<string, string> message)
    {
        foreach (var value in context.Resolve(resource, path))
        {
            foreach (var item in context.Items(value))
            {
                if (item is { Kind: ResolvedValueKind.Literal, Text: { } text } && isForbidden(text))
                {
                    yield return new RuleViolation(item.Path, item.Position, $"{message(text)}{item.OriginSuffix}.");
                }
            }
        }
    }

    private static RuleViolation AtResource(GuardrailResource resource, string message) => new(string.Empty, resource.Position, message);

    private static bool IsAnywhere(string cidr) => cidr.Trim() is "0.0.0.0/0" or "::/0";
}
