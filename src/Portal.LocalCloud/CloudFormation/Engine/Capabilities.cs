namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>CloudFormation capabilities and the check CreateStack/UpdateStack run before anything changes.</summary>
public static class Capabilities
{
    public const string Iam = "CAPABILITY_IAM";
    public const string NamedIam = "CAPABILITY_NAMED_IAM";
    public const string AutoExpand = "CAPABILITY_AUTO_EXPAND";

    /// <summary>The capabilities the template needs: NAMED_IAM for custom-named IAM resources, IAM for other IAM resources, AUTO_EXPAND for transforms.</summary>
    public static IReadOnlyList<string> Required(Template template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var required = new List<string>();
        var iam = template.Resources.Where(r => r.Type.StartsWith("AWS::IAM::", StringComparison.Ordinal)).ToList();
        if (iam.Any(r => ResourceTypeCatalog.Get(r.Type).NamedIamProperty is { } name && r.Properties.ContainsKey(name)))
        {
            required.Add(NamedIam);
        }
        else if (iam.Count > 0)
        {
            required.Add(Iam);
        }

        if (template.Transforms.Count > 0)
        {
            required.Add(AutoExpand);
        }

        return required;
    }

    /// <summary>Throws InsufficientCapabilitiesException (<c>Requires capabilities : [X]</c>) when a needed capability is missing.</summary>
    public static void Check(Template template, IReadOnlyCollection<string> granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        var missing = Required(template)
            .Where(c => !granted.Contains(c) && !(c == Iam && granted.Contains(NamedIam)))
            .ToList();
        if (missing.Count > 0)
        {
            throw new CloudFormationException(
                CloudFormationException.InsufficientCapabilities, $"Requires capabilities : [{string.Join(", ", missing)}]");
        }
    }
}
