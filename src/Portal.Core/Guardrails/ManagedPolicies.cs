using Portal.Core.Templates;

namespace Portal.Core.Guardrails;

/// <summary>
/// The security-relevant grants of AWS managed policies a template may attach through <c>ManagedPolicyArns</c>,
/// approximated as statements (contents per iam-evaluation.md §7, AWS managed policy reference).
/// </summary>
internal static class ManagedPolicies
{
    private static readonly Dictionary<string, (string[] Actions, string[] NotActions)> Grants = new(StringComparer.Ordinal)
    {
        ["AdministratorAccess"] = (["*"], []),
        ["PowerUserAccess"] = ([], ["iam:*", "organizations:*", "account:*"]),
        ["AmazonSageMakerFullAccess"] = (["sagemaker:*", "iam:PassRole"], []),
        ["job-function/DataScientist"] = (["sagemaker:*", "iam:PassRole"], []),
        ["AWSLambdaFullAccess"] = (["lambda:*", "s3:*", "iam:PassRole"], []),
        ["IAMFullAccess"] = (["iam:*"], []),
    };

    /// <summary>Statements granted by the AWS managed policies in a principal's <c>ManagedPolicyArns</c>.</summary>
    public static IEnumerable<PolicyStatement> Statements(GuardrailContext context, GuardrailResource resource)
    {
        foreach (var list in context.Resolve(resource, "ManagedPolicyArns"))
        {
            foreach (var item in context.Items(list))
            {
                var arn = item.Text ?? (item.Kind == ResolvedValueKind.Computed ? SubText(resource, item.Path) : null);
                var name = arn is null ? null : Name(arn);
                if (name is null || !Grants.TryGetValue(name, out var grant))
                {
                    continue;
                }

                // PassRole in these policies carries an iam:PassedToService condition, except AWSLambdaFullAccess's.
                IReadOnlyList<PolicyCondition> conditions = name is "AmazonSageMakerFullAccess" or "job-function/DataScientist"
                    ? [new PolicyCondition("StringEquals", "iam:PassedToService", ["sagemaker.amazonaws.com"])]
                    : [];
                var actions = grant.Actions.Where(a => a != "iam:PassRole" || conditions.Count == 0).ToList();
                yield return new PolicyStatement("Allow", actions, grant.NotActions, ["*"], [], item.Path, item.Position) { ManagedPolicy = name };
                if (conditions.Count > 0)
                {
                    yield return new PolicyStatement("Allow", ["iam:PassRole"], [], ["*"], conditions, item.Path, item.Position) { ManagedPolicy = name };
                }
            }
        }
    }

    private static string? Name(string arn)
    {
        const string marker = ":iam::aws:policy/";
        var at = arn.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : arn[(at + marker.Length)..];
    }

    /// <summary>The text of a <c>!Sub 'arn:${AWS::Partition}:iam::aws:policy/…'</c> at a path, with the partition filled in.</summary>
    private static string? SubText(GuardrailResource resource, string path)
    {
        var open = path.LastIndexOf('[');
        if (open < 0 || !int.TryParse(path[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture, out var index)
            || resource.Properties["ManagedPolicyArns"] is not TemplateSequence { } list || index >= list.Items.Count)
        {
            return null;
        }

        return list.Items[index] is TemplateIntrinsic { Function: IntrinsicFunctions.Sub, Argument: TemplateScalar text }
            ? text.Value.Replace("${AWS::Partition}", "aws", StringComparison.Ordinal)
            : null;
    }
}
