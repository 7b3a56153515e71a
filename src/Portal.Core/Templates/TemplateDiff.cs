namespace Portal.Core.Templates;

/// <summary>Compares two versions of a template and highlights changes that matter for security.</summary>
public static class TemplateDiff
{
    private const int MaxChangesPerResource = 200;
    private const int MaxDepth = 32;

    private static readonly (string Prefix, string Reason)[] SecurityTypes =
    [
        ("AWS::IAM::", "IAM permissions"),
        ("AWS::EC2::SecurityGroup", "security group rules"),
        ("AWS::EC2::Route", "routing"),
        ("AWS::EC2::InternetGateway", "internet access"),
        ("AWS::EC2::EgressOnlyInternetGateway", "internet access"),
        ("AWS::EC2::NatGateway", "internet access"),
        ("AWS::EC2::VPCGatewayAttachment", "internet access"),
        ("AWS::EC2::VPCEndpoint", "VPC endpoint access"),
        ("AWS::KMS::", "KMS keys"),
        ("AWS::S3::BucketPolicy", "bucket access policy"),
        ("AWS::ElasticLoadBalancing", "load balancer exposure"),
    ];

    private static readonly Dictionary<string, string> SecurityProperties = new(StringComparer.Ordinal)
    {
        ["PolicyDocument"] = "IAM permissions",
        ["Policies"] = "IAM permissions",
        ["ManagedPolicyArns"] = "IAM permissions",
        ["AssumeRolePolicyDocument"] = "IAM trust",
        ["PermissionsBoundary"] = "IAM permissions",
        ["RoleArn"] = "execution role",
        ["ExecutionRoleArn"] = "execution role",
        ["SecurityGroupIds"] = "security groups",
        ["SecurityGroups"] = "security groups",
        ["SecurityGroupIngress"] = "security group rules",
        ["SecurityGroupEgress"] = "security group rules",
        ["CidrIp"] = "security group rules",
        ["CidrIpv6"] = "security group rules",
        ["SubnetId"] = "network placement",
        ["Subnets"] = "network placement",
        ["VpcConfig"] = "network placement",
        ["NetworkConfig"] = "network placement",
        ["VpcId"] = "network placement",
        ["DestinationCidrBlock"] = "routing",
        ["GatewayId"] = "routing",
        ["NatGatewayId"] = "routing",
        ["DirectInternetAccess"] = "internet access",
        ["Scheme"] = "internet access",
        ["MapPublicIpOnLaunch"] = "internet access",
        ["AssignPublicIp"] = "internet access",
        ["RootAccess"] = "root access",
        ["InstanceType"] = "instance type",
        ["InstanceTypes"] = "instance type",
        ["KmsKeyId"] = "encryption",
        ["VolumeKmsKeyId"] = "encryption",
        ["KMSMasterKeyID"] = "encryption",
        ["KeyPolicy"] = "KMS key policy",
        ["EnableKeyRotation"] = "encryption",
        ["BucketEncryption"] = "encryption",
        ["SSEAlgorithm"] = "encryption",
        ["EnableInterContainerTrafficEncryption"] = "encryption",
        ["PublicAccessBlockConfiguration"] = "public access",
        ["EnableNetworkIsolation"] = "network isolation",
    };

    public static TemplateDiffReport Compare(CloudFormationTemplate before, CloudFormationTemplate after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return new TemplateDiffReport(CompareResources(before, after), CompareParameters(before, after), CompareOutputs(before, after));
    }

    private static List<ResourceChange> CompareResources(CloudFormationTemplate before, CloudFormationTemplate after)
    {
        var changes = new List<ResourceChange>();
        var old = before.Resources.ToDictionary(r => r.LogicalId, StringComparer.Ordinal);
        var current = after.Resources.ToDictionary(r => r.LogicalId, StringComparer.Ordinal);
        foreach (var resource in before.Resources.Where(r => !current.ContainsKey(r.LogicalId)))
        {
            changes.Add(new ResourceChange(resource.LogicalId, resource.Type, ChangeKind.Removed, [], TypeReason(resource.Type) is { } reason ? [reason] : []));
        }

        foreach (var resource in after.Resources)
        {
            if (!old.TryGetValue(resource.LogicalId, out var previous))
            {
                var reasons = new SortedSet<string>(StringComparer.Ordinal);
                if (TypeReason(resource.Type) is { } typeReason)
                {
                    reasons.Add(typeReason);
                }

                foreach (var property in resource.Properties.Properties)
                {
                    if (SecurityProperties.TryGetValue(property.Key, out var reason))
                    {
                        reasons.Add(reason);
                    }
                }

                changes.Add(new ResourceChange(resource.LogicalId, resource.Type, ChangeKind.Added, [], reasons.ToList()));
                continue;
            }

            var properties = new List<PropertyChange>();
            if (previous.Type != resource.Type)
            {
                properties.Add(new PropertyChange("Type", previous.Type, resource.Type, TypeReason(resource.Type) ?? TypeReason(previous.Type)));
            }

            CompareValues(previous.Properties, resource.Properties, string.Empty, null, properties, 0);
            CompareAttribute("Condition", previous.Condition, resource.Condition, properties);
            CompareAttribute("DependsOn", string.Join(",", previous.DependsOn), string.Join(",", resource.DependsOn), properties);
            CompareAttribute("DeletionPolicy", previous.DeletionPolicy, resource.DeletionPolicy, properties);
            if (properties.Count == 0)
            {
                continue;
            }

            var securityReasons = properties.Select(p => p.SecurityReason).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (TypeReason(resource.Type) is { } resourceReason)
            {
                securityReasons.Add(resourceReason);
            }

            changes.Add(new ResourceChange(resource.LogicalId, resource.Type, ChangeKind.Modified, properties, securityReasons.Order(StringComparer.Ordinal).ToList()));
        }

        return changes.OrderByDescending(c => c.IsSecurityRelevant).ThenBy(c => c.LogicalId, StringComparer.Ordinal).ToList();
    }

    private static void CompareAttribute(string name, string? before, string? after, List<PropertyChange> changes)
    {
        if (!string.Equals(before ?? string.Empty, after ?? string.Empty, StringComparison.Ordinal))
        {
            changes.Add(new PropertyChange(name, before, after, null));
        }
    }

    private static void CompareValues(TemplateValue? before, TemplateValue? after, string path, string? reason, List<PropertyChange> changes, int depth)
    {
        if (changes.Count >= MaxChangesPerResource)
        {
            return;
        }

        if (before is TemplateMapping oldMap && after is TemplateMapping newMap && depth < MaxDepth)
        {
            var keys = oldMap.Properties.Select(p => p.Key).Concat(newMap.Properties.Select(p => p.Key)).Distinct(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                var childReason = reason ?? SecurityProperties.GetValueOrDefault(key);
                CompareValues(oldMap[key], newMap[key], path.Length == 0 ? key : $"{path}.{key}", childReason, changes, depth + 1);
            }

            return;
        }

        if (before is TemplateSequence oldList && after is TemplateSequence newList && oldList.Items.Count == newList.Items.Count && depth < MaxDepth)
        {
            for (var i = 0; i < oldList.Items.Count; i++)
            {
                CompareValues(oldList.Items[i], newList.Items[i], $"{path}[{i}]", reason, changes, depth + 1);
            }

            return;
        }

        var oldText = before is null ? null : TemplateFingerprint.CanonicalText(before);
        var newText = after is null ? null : TemplateFingerprint.CanonicalText(after);
        if (!string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            changes.Add(new PropertyChange(path, oldText, newText, reason ?? SecurityProperties.GetValueOrDefault(path.Split('.')[^1])));
        }
    }

    private static List<ParameterChange> CompareParameters(CloudFormationTemplate before, CloudFormationTemplate after)
    {
        var changes = new List<ParameterChange>();
        foreach (var removed in before.Parameters.Where(p => after.FindParameter(p.Name) is null))
        {
            changes.Add(new ParameterChange(removed.Name, ChangeKind.Removed, [], null));
        }

        foreach (var parameter in after.Parameters)
        {
            var previous = before.FindParameter(parameter.Name);
            if (previous is null)
            {
                changes.Add(new ParameterChange(parameter.Name, ChangeKind.Added, [$"Type {parameter.Type}"], null));
                continue;
            }

            var details = new List<string>();
            string? security = null;
            Detail(details, "Type", previous.Type, parameter.Type);
            Detail(details, "Default", previous.NoEcho ? "(hidden)" : previous.Default, parameter.NoEcho ? "(hidden)" : parameter.Default);
            Detail(details, "AllowedPattern", previous.AllowedPattern, parameter.AllowedPattern);
            Detail(details, "MinLength", previous.MinLength?.ToString(System.Globalization.CultureInfo.InvariantCulture), parameter.MinLength?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Detail(details, "MaxLength", previous.MaxLength?.ToString(System.Globalization.CultureInfo.InvariantCulture), parameter.MaxLength?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Detail(details, "MinValue", previous.MinValue?.ToString(System.Globalization.CultureInfo.InvariantCulture), parameter.MinValue?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Detail(details, "MaxValue", previous.MaxValue?.ToString(System.Globalization.CultureInfo.InvariantCulture), parameter.MaxValue?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Detail(details, "NoEcho", previous.NoEcho.ToString(), parameter.NoEcho.ToString());
            Detail(details, "Description", previous.Description, parameter.Description);
            var added = parameter.AllowedValues.Except(previous.AllowedValues, StringComparer.Ordinal).ToList();
            var removed = previous.AllowedValues.Except(parameter.AllowedValues, StringComparer.Ordinal).ToList();
            if (added.Count > 0)
            {
                details.Add($"AllowedValues adds {string.Join(", ", added)}");
                security = previous.AllowedValues.Count > 0 ? "accepts more values" : null;
            }

            if (removed.Count > 0)
            {
                details.Add($"AllowedValues drops {string.Join(", ", removed)}");
            }

            if (previous.AllowedValues.Count > 0 && parameter.AllowedValues.Count == 0)
            {
                details.Add("AllowedValues removed: any value is accepted");
                security = "accepts any value";
            }

            if (previous.AllowedPattern is not null && parameter.AllowedPattern is null)
            {
                security = "accepts any value";
            }

            if (previous.NoEcho && !parameter.NoEcho)
            {
                security = "secret is no longer hidden";
            }

            if (details.Count > 0)
            {
                changes.Add(new ParameterChange(parameter.Name, ChangeKind.Modified, details, security));
            }
        }

        return changes;
    }

    private static void Detail(List<string> details, string name, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            details.Add($"{name}: {before ?? "(none)"} → {after ?? "(none)"}");
        }
    }

    private static List<string> CompareOutputs(CloudFormationTemplate before, CloudFormationTemplate after)
    {
        var changes = new List<string>();
        changes.AddRange(before.Outputs.Where(o => after.Outputs.All(n => n.Name != o.Name)).Select(o => $"Removed output {o.Name}"));
        changes.AddRange(after.Outputs.Where(o => before.Outputs.All(n => n.Name != o.Name)).Select(o => $"Added output {o.Name}"));
        foreach (var output in after.Outputs)
        {
            var previous = before.Outputs.FirstOrDefault(o => o.Name == output.Name);
            if (previous is not null && (Canonical(previous.Value) != Canonical(output.Value) || Canonical(previous.ExportName) != Canonical(output.ExportName)))
            {
                changes.Add($"Changed output {output.Name}");
            }
        }

        return changes;
    }

    private static string? Canonical(TemplateValue? value) => value is null ? null : TemplateFingerprint.CanonicalText(value);

    private static string? TypeReason(string type) => SecurityTypes.FirstOrDefault(t => type.StartsWith(t.Prefix, StringComparison.Ordinal)).Reason;
}
