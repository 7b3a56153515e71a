using System.Globalization;

namespace Portal.Core.Templates;

/// <summary>Builds the <see cref="CloudFormationTemplate"/> model from a value tree, reporting structural problems.</summary>
internal sealed class TemplateModelBuilder
{
    private static readonly HashSet<string> KnownSections = new(StringComparer.Ordinal)
    {
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions",
        "Transform", "Resources", "Outputs", "Hooks",
    };

    private readonly List<TemplateDiagnostic> _diagnostics;

    private TemplateModelBuilder(List<TemplateDiagnostic> diagnostics) => _diagnostics = diagnostics;

    public static CloudFormationTemplate? Build(TemplateValue root, string? fileName, List<TemplateDiagnostic> diagnostics)
    {
        var builder = new TemplateModelBuilder(diagnostics);
        return builder.BuildTemplate(root, fileName);
    }

    private CloudFormationTemplate? BuildTemplate(TemplateValue root, string? fileName)
    {
        if (root is not TemplateMapping mapping)
        {
            Add(TemplateErrorCodes.Structure, "A template must be a mapping with sections such as Parameters and Resources.", root.Position);
            return null;
        }

        var transforms = ReadTransforms(mapping["Transform"]);
        var isServerless = transforms.Any(t => t.StartsWith("AWS::Serverless", StringComparison.Ordinal));
        foreach (var section in mapping.Properties.Where(p => !KnownSections.Contains(p.Key) && !(isServerless && p.Key == "Globals")))
        {
            Add(TemplateErrorCodes.Structure, $"'{section.Key}' is not a template section. Valid sections: {string.Join(", ", KnownSections)}.", section.KeyPosition);
        }

        var (groups, labels) = ReadInterface(mapping["Metadata"]);
        if (mapping["Resources"] is null)
        {
            Add(TemplateErrorCodes.Structure, "The template has no Resources section; CloudFormation needs at least one resource.", mapping.Position);
        }

        return new CloudFormationTemplate
        {
            Root = mapping,
            FileName = fileName,
            FormatVersion = ScalarText(mapping["AWSTemplateFormatVersion"]),
            Description = ScalarText(mapping["Description"]),
            Transforms = transforms,
            Parameters = Section(mapping, "Parameters").Select(ReadParameter).OfType<TemplateParameter>().ToList(),
            ParameterGroups = groups,
            ParameterLabels = labels,
            Mappings = Section(mapping, "Mappings") is { Count: > 0 } ? (TemplateMapping)mapping["Mappings"]! : TemplateMapping.Empty,
            Conditions = Section(mapping, "Conditions").Select(c => new TemplateCondition(c.Key, c.Value, c.KeyPosition)).ToList(),
            Rules = Section(mapping, "Rules").Select(ReadRule).OfType<TemplateRule>().ToList(),
            Resources = Section(mapping, "Resources").Select(ReadResource).OfType<TemplateResource>().ToList(),
            Outputs = Section(mapping, "Outputs").Select(ReadOutput).OfType<TemplateOutput>().ToList(),
            Fingerprint = TemplateFingerprint.Compute(mapping),
        };
    }

    /// <summary>Reads a Rules mapping (a template's section or a Service Catalog TEMPLATE constraint's).</summary>
    public static IReadOnlyList<TemplateRule> ReadRules(TemplateMapping rules, List<TemplateDiagnostic> diagnostics)
    {
        var builder = new TemplateModelBuilder(diagnostics);
        return rules.Properties.Select(builder.ReadRule).OfType<TemplateRule>().ToList();
    }

    private IReadOnlyList<TemplateProperty> Section(TemplateMapping root, string name)
    {
        var property = root.GetProperty(name);
        if (property is null)
        {
            return [];
        }

        if (property.Value is TemplateMapping section)
        {
            return section.Properties;
        }

        if (property.Value is TemplateScalar { IsNull: true })
        {
            return [];
        }

        Add(TemplateErrorCodes.Structure, $"The {name} section must be a mapping of names to definitions.", property.Value.Position);
        return [];
    }

    private TemplateParameter? ReadParameter(TemplateProperty property)
    {
        if (property.Value is not TemplateMapping definition)
        {
            Add(TemplateErrorCodes.InvalidParameter, $"Parameter '{property.Key}' must be a mapping with at least a Type.", property.KeyPosition);
            return null;
        }

        var type = definition.GetString("Type");
        if (type is null)
        {
            Add(TemplateErrorCodes.InvalidParameter, $"Parameter '{property.Key}' has no Type (for example String, Number or CommaDelimitedList).", property.KeyPosition);
            type = "String";
        }
        else if (!IsKnownParameterType(type))
        {
            Add(TemplateErrorCodes.InvalidParameter, $"Parameter '{property.Key}' has the unknown Type '{type}'. Use String, Number, List<Number>, CommaDelimitedList, an AWS-specific type (AWS::EC2::Subnet::Id, …) or AWS::SSM::Parameter::Value<…>.", definition.GetProperty("Type")!.Value.Position);
        }

        var parameter = new TemplateParameter(property.Key, type, property.KeyPosition)
        {
            Default = DefaultText(definition["Default"]),
            AllowedValues = definition["AllowedValues"] switch
            {
                TemplateSequence sequence => sequence.Items.OfType<TemplateScalar>().Select(s => s.Value).ToList(),
                TemplateScalar { IsNull: false } single => [single.Value],
                _ => [],
            },
            AllowedPattern = definition.GetString("AllowedPattern"),
            MinLength = Integer(definition, "MinLength", property.Key),
            MaxLength = Integer(definition, "MaxLength", property.Key),
            MinValue = Number(definition, "MinValue", property.Key),
            MaxValue = Number(definition, "MaxValue", property.Key),
            NoEcho = definition["NoEcho"] is TemplateScalar { IsTrue: true },
            Description = definition.GetString("Description"),
            ConstraintDescription = definition.GetString("ConstraintDescription"),
        };

        if (parameter.AllowedPattern is not null && !IsValidPattern(parameter.AllowedPattern))
        {
            Add(TemplateErrorCodes.InvalidParameter, $"Parameter '{property.Key}' has an AllowedPattern that is not a valid regular expression.", definition.GetProperty("AllowedPattern")!.Value.Position);
        }

        if (parameter is { Default: not null, AllowedValues.Count: > 0, IsList: false } && !parameter.AllowedValues.Contains(parameter.Default))
        {
            Add(TemplateErrorCodes.InvalidParameter, $"Parameter '{property.Key}' has the Default '{parameter.Default}', which is not one of its AllowedValues.", definition.GetProperty("Default")!.Value.Position);
        }

        return parameter;
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsKnownParameterType(string type) =>
        type is "String" or "Number" or "List<Number>" or "CommaDelimitedList"
        || (type.StartsWith("AWS::", StringComparison.Ordinal) && type.Length > 5)
        || (type.StartsWith("List<AWS::", StringComparison.Ordinal) && type.EndsWith('>'));

    private static string? DefaultText(TemplateValue? value) => value switch
    {
        TemplateScalar { IsNull: false } scalar => scalar.Value,
        TemplateSequence sequence => string.Join(",", sequence.Items.OfType<TemplateScalar>().Select(s => s.Value)),
        _ => null,
    };

    private int? Integer(TemplateMapping definition, string key, string parameter)
    {
        var property = definition.GetProperty(key);
        if (property is null)
        {
            return null;
        }

        if (property.Value is TemplateScalar scalar && int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        Add(TemplateErrorCodes.InvalidParameter, $"Parameter '{parameter}' has a {key} that is not a whole number.", property.Value.Position);
        return null;
    }

    private decimal? Number(TemplateMapping definition, string key, string parameter)
    {
        var property = definition.GetProperty(key);
        if (property is null)
        {
            return null;
        }

        if (property.Value is TemplateScalar scalar && decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Add(TemplateErrorCodes.InvalidParameter, $"Parameter '{parameter}' has a {key} that is not a number.", property.Value.Position);
        return null;
    }

    private (IReadOnlyList<ParameterGroup> Groups, IReadOnlyDictionary<string, string> Labels) ReadInterface(TemplateValue? metadata)
    {
        var groups = new List<ParameterGroup>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata is not TemplateMapping meta || meta["AWS::CloudFormation::Interface"] is not TemplateMapping ui)
        {
            return (groups, labels);
        }

        if (ui["ParameterGroups"] is TemplateSequence groupList)
        {
            foreach (var item in groupList.Items)
            {
                if (item is not TemplateMapping group)
                {
                    Add(TemplateErrorCodes.Structure, "Each entry of ParameterGroups must be a mapping with Label and Parameters.", item.Position);
                    continue;
                }

                var label = group["Label"] switch
                {
                    TemplateMapping l => l.GetString("default"),
                    TemplateScalar s => s.Value,
                    _ => null,
                } ?? string.Empty;
                var names = group["Parameters"] is TemplateSequence p ? p.Items.OfType<TemplateScalar>().Select(s => s.Value).ToList() : [];
                groups.Add(new ParameterGroup(label, names));
            }
        }

        if (ui["ParameterLabels"] is TemplateMapping labelMap)
        {
            foreach (var property in labelMap.Properties)
            {
                var text = property.Value switch
                {
                    TemplateMapping l => l.GetString("default"),
                    TemplateScalar s => s.Value,
                    _ => null,
                };
                if (text is not null)
                {
                    labels[property.Key] = text;
                }
            }
        }

        return (groups, labels);
    }

    private TemplateRule? ReadRule(TemplateProperty property)
    {
        if (property.Value is not TemplateMapping definition)
        {
            Add(TemplateErrorCodes.Structure, $"Rule '{property.Key}' must be a mapping with Assertions.", property.KeyPosition);
            return null;
        }

        var assertions = new List<TemplateRuleAssertion>();
        if (definition["Assertions"] is TemplateSequence list)
        {
            foreach (var item in list.Items)
            {
                if (item is TemplateMapping assertion && assertion["Assert"] is { } assert)
                {
                    assertions.Add(new TemplateRuleAssertion(assert, assertion.GetString("AssertDescription")));
                }
                else
                {
                    Add(TemplateErrorCodes.Structure, $"Each assertion of rule '{property.Key}' needs an Assert.", item.Position);
                }
            }
        }
        else
        {
            Add(TemplateErrorCodes.Structure, $"Rule '{property.Key}' needs an Assertions list.", property.KeyPosition);
        }

        return new TemplateRule(property.Key, definition["RuleCondition"], assertions, property.KeyPosition);
    }

    private TemplateResource? ReadResource(TemplateProperty property)
    {
        if (property.Value is not TemplateMapping definition)
        {
            Add(TemplateErrorCodes.Structure, $"Resource '{property.Key}' must be a mapping with a Type.", property.KeyPosition);
            return null;
        }

        var type = definition.GetString("Type");
        if (type is null)
        {
            Add(TemplateErrorCodes.Structure, $"Resource '{property.Key}' has no Type (for example AWS::S3::Bucket).", property.KeyPosition);
            type = string.Empty;
        }
        else if (!type.Contains("::", StringComparison.Ordinal))
        {
            Add(TemplateErrorCodes.Structure, $"Resource '{property.Key}' has the Type '{type}', which is not of the form AWS::Service::Resource.", definition.GetProperty("Type")!.Value.Position);
        }

        var properties = definition["Properties"] switch
        {
            TemplateMapping mapping => mapping,
            null or TemplateScalar { IsNull: true } => TemplateMapping.Empty,
            var other => ReportNotMapping(property.Key, other),
        };

        var dependsOn = definition["DependsOn"] switch
        {
            TemplateScalar { IsNull: false } single => [single.Value],
            TemplateSequence list => list.Items.OfType<TemplateScalar>().Select(s => s.Value).ToList(),
            null => [],
            var other => ReportBadDependsOn(property.Key, other),
        };

        return new TemplateResource(property.Key, type, properties, property.KeyPosition)
        {
            DependsOn = dependsOn,
            Condition = definition.GetString("Condition"),
            DeletionPolicy = definition.GetString("DeletionPolicy"),
            Metadata = definition["Metadata"] as TemplateMapping,
        };
    }

    private TemplateMapping ReportNotMapping(string logicalId, TemplateValue value)
    {
        Add(TemplateErrorCodes.Structure, $"The Properties of resource '{logicalId}' must be a mapping.", value.Position);
        return TemplateMapping.Empty;
    }

    private List<string> ReportBadDependsOn(string logicalId, TemplateValue value)
    {
        Add(TemplateErrorCodes.Structure, $"DependsOn of resource '{logicalId}' must be a resource name or a list of names.", value.Position);
        return [];
    }

    private TemplateOutput? ReadOutput(TemplateProperty property)
    {
        if (property.Value is not TemplateMapping definition)
        {
            Add(TemplateErrorCodes.Structure, $"Output '{property.Key}' must be a mapping with a Value.", property.KeyPosition);
            return null;
        }

        if (definition["Value"] is null)
        {
            Add(TemplateErrorCodes.Structure, $"Output '{property.Key}' has no Value.", property.KeyPosition);
        }

        return new TemplateOutput(property.Key, definition["Value"], property.KeyPosition)
        {
            Description = definition.GetString("Description"),
            ExportName = (definition["Export"] as TemplateMapping)?["Name"],
            Condition = definition.GetString("Condition"),
        };
    }

    private static IReadOnlyList<string> ReadTransforms(TemplateValue? value) => value switch
    {
        TemplateScalar { IsNull: false } single => [single.Value],
        TemplateSequence list => list.Items.OfType<TemplateScalar>().Select(s => s.Value).ToList(),
        _ => [],
    };

    private static string? ScalarText(TemplateValue? value) => value is TemplateScalar { IsNull: false } scalar ? scalar.Value : null;

    private void Add(string code, string message, SourcePosition position) => _diagnostics.Add(new TemplateDiagnostic(code, message, position));
}
