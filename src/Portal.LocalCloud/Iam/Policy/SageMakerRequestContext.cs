using System.Text.Json.Nodes;

namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// Maps SageMaker create requests (their JSON bodies) to IAM condition keys, per iam-evaluation.md §4.3. A key is
/// added only when its field is present in the request; service defaults are never materialised, so
/// <c>Null</c> and <c>…IfExists</c> conditions see an absent key. KMS keys fill both the old
/// (<c>sagemaker:VolumeKmsKey</c>) and the new (<c>sagemaker:VolumeKmsKeyArn</c>, always an ARN) names.
/// </summary>
public static class SageMakerRequestContext
{
    private static readonly Dictionary<string, (string NameField, string ArnType)> Operations = new(StringComparer.Ordinal)
    {
        ["CreateNotebookInstance"] = ("NotebookInstanceName", "notebook-instance"),
        ["CreateTrainingJob"] = ("TrainingJobName", "training-job"),
        ["CreateProcessingJob"] = ("ProcessingJobName", "processing-job"),
        ["CreateHyperParameterTuningJob"] = ("HyperParameterTuningJobName", "hyper-parameter-tuning-job"),
        ["CreateTransformJob"] = ("TransformJobName", "transform-job"),
        ["CreateModel"] = ("ModelName", "model"),
        ["CreateEndpointConfig"] = ("EndpointConfigName", "endpoint-config"),
        ["CreateEndpoint"] = ("EndpointName", "endpoint"),
        ["CreateNotebookInstanceLifecycleConfig"] = ("NotebookInstanceLifecycleConfigName", "notebook-instance-lifecycle-config"),
    };

    /// <summary>Operations this mapper understands (the <c>X-Amz-Target</c> suffix, e.g. <c>CreateTrainingJob</c>).</summary>
    public static IReadOnlyCollection<string> SupportedOperations => Operations.Keys;

    public static bool Supports(string operation) => Operations.ContainsKey(operation);

    /// <summary>
    /// Builds the authorisation request for <paramref name="operation"/>. <paramref name="baseContext"/> carries the
    /// caller's global keys (see <see cref="RequestContext.ForAssumedRoleSession"/>); the request keys are added to it.
    /// </summary>
    public static SageMakerAuthorizationRequest Map(
        string operation, JsonObject request, string partition, string region, string accountId, RequestContext? baseContext = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Operations.TryGetValue(operation, out var shape))
        {
            throw new ArgumentException($"SageMaker operation {operation} is not mapped to condition keys", nameof(operation));
        }

        string Arn(string type, string name) => $"arn:{partition}:sagemaker:{region}:{accountId}:{type}/{name}";
        string KmsArn(string key) => key.StartsWith("arn:", StringComparison.Ordinal)
            ? key
            : key.StartsWith("alias/", StringComparison.Ordinal) ? $"arn:{partition}:kms:{region}:{accountId}:{key}" : $"arn:{partition}:kms:{region}:{accountId}:key/{key}";

        var context = baseContext ?? new RequestContext();
        var resources = new List<string> { Arn(shape.ArnType, Text(request[shape.NameField]) ?? string.Empty) };
        var subnets = new List<string>();
        var securityGroups = new List<string>();
        var instanceTypes = new List<string>();
        var acceleratorTypes = new List<string>();
        string? volumeKms = null;
        string? outputKms = null;

        void Vpc(JsonNode? vpcConfig)
        {
            if (vpcConfig is JsonObject vpc)
            {
                subnets.AddRange(Strings(vpc["Subnets"]));
                securityGroups.AddRange(Strings(vpc["SecurityGroupIds"]));
            }
        }

        void Flag(string key, JsonNode? value)
        {
            if (Text(value) is { } text)
            {
                context.Set(key, text.ToLowerInvariant());
            }
        }

        void TrainingDefinition(JsonNode? definition)
        {
            if (definition is not JsonObject d)
            {
                return;
            }

            Vpc(d["VpcConfig"]);
            AddIf(instanceTypes, d["ResourceConfig"]?["InstanceType"]);
            foreach (var group in d["ResourceConfig"]?["InstanceGroups"] as JsonArray ?? [])
            {
                AddIf(instanceTypes, group?["InstanceType"]);
            }

            AddIf(instanceTypes, d["HyperParameterTuningResourceConfig"]?["InstanceType"]);
            foreach (var config in d["HyperParameterTuningResourceConfig"]?["InstanceConfigs"] as JsonArray ?? [])
            {
                AddIf(instanceTypes, config?["InstanceType"]);
            }

            volumeKms ??= Text(d["ResourceConfig"]?["VolumeKmsKeyId"]) ?? Text(d["HyperParameterTuningResourceConfig"]?["VolumeKmsKeyId"]);
            outputKms ??= Text(d["OutputDataConfig"]?["KmsKeyId"]);
            Flag("sagemaker:NetworkIsolation", d["EnableNetworkIsolation"]);
            Flag("sagemaker:InterContainerTrafficEncryption", d["EnableInterContainerTrafficEncryption"]);
            if (Text(d["StoppingCondition"]?["MaxRuntimeInSeconds"]) is { } runtime)
            {
                context.Set("sagemaker:MaxRuntimeInSeconds", runtime);
            }
        }

        switch (operation)
        {
            case "CreateNotebookInstance":
                if (Text(request["SubnetId"]) is { } subnet)
                {
                    subnets.Add(subnet);
                }

                securityGroups.AddRange(Strings(request["SecurityGroupIds"]));
                AddIf(instanceTypes, request["InstanceType"]);
                acceleratorTypes.AddRange(Strings(request["AcceleratorTypes"]));
                volumeKms = Text(request["KmsKeyId"]);
                if (Text(request["RootAccess"]) is { } root)
                {
                    context.Set("sagemaker:RootAccess", root);
                }

                if (Text(request["DirectInternetAccess"]) is { } internet)
                {
                    context.Set("sagemaker:DirectInternetAccess", internet);
                }

                if (Text(request["LifecycleConfigName"]) is { } lifecycle)
                {
                    context.SetList("sagemaker:NotebookInstanceLifecycleConfigArns", [Arn("notebook-instance-lifecycle-config", lifecycle)]);
                }

                if (Text(request["InstanceMetadataServiceConfiguration"]?["MinimumInstanceMetadataServiceVersion"]) is { } imds)
                {
                    context.Set("sagemaker:MinimumInstanceMetadataServiceVersion", imds);
                }

                break;
            case "CreateTrainingJob":
                TrainingDefinition(request);
                if (Text(request["ResourceConfig"]?["KeepAlivePeriodInSeconds"]) is { } keepAlive)
                {
                    context.Set("sagemaker:KeepAlivePeriod", keepAlive);
                }

                Flag("sagemaker:EnableRemoteDebug", request["RemoteDebugConfig"]?["EnableRemoteDebug"]);
                break;
            case "CreateHyperParameterTuningJob":
                TrainingDefinition(request["TrainingJobDefinition"]);
                foreach (var definition in request["TrainingJobDefinitions"] as JsonArray ?? [])
                {
                    TrainingDefinition(definition);
                }

                break;
            case "CreateProcessingJob":
                Vpc(request["NetworkConfig"]?["VpcConfig"]);
                AddIf(instanceTypes, request["ProcessingResources"]?["ClusterConfig"]?["InstanceType"]);
                volumeKms = Text(request["ProcessingResources"]?["ClusterConfig"]?["VolumeKmsKeyId"]);
                outputKms = Text(request["ProcessingOutputConfig"]?["KmsKeyId"]);
                Flag("sagemaker:NetworkIsolation", request["NetworkConfig"]?["EnableNetworkIsolation"]);
                Flag("sagemaker:InterContainerTrafficEncryption", request["NetworkConfig"]?["EnableInterContainerTrafficEncryption"]);
                if (Text(request["StoppingCondition"]?["MaxRuntimeInSeconds"]) is { } runtime)
                {
                    context.Set("sagemaker:MaxRuntimeInSeconds", runtime);
                }

                break;
            case "CreateTransformJob":
                AddIf(instanceTypes, request["TransformResources"]?["InstanceType"]);
                volumeKms = Text(request["TransformResources"]?["VolumeKmsKeyId"]);
                outputKms = Text(request["TransformOutput"]?["KmsKeyId"]);
                if (Text(request["ModelName"]) is { } model)
                {
                    context.Set("sagemaker:ModelArn", Arn("model", model));
                }

                break;
            case "CreateModel":
                Vpc(request["VpcConfig"]);
                Flag("sagemaker:NetworkIsolation", request["EnableNetworkIsolation"]);
                break;
            case "CreateEndpointConfig":
                Vpc(request["VpcConfig"]);
                volumeKms = Text(request["KmsKeyId"]);
                Flag("sagemaker:NetworkIsolation", request["EnableNetworkIsolation"]);
                foreach (var variant in request["ProductionVariants"] as JsonArray ?? [])
                {
                    AddIf(instanceTypes, variant?["InstanceType"]);
                    AddIf(acceleratorTypes, variant?["AcceleratorType"]);
                    if (Text(variant?["ModelName"]) is { } variantModel && !context.Contains("sagemaker:ModelArn"))
                    {
                        context.Set("sagemaker:ModelArn", Arn("model", variantModel));
                    }

                    if (Text(variant?["ServerlessConfig"]?["MaxConcurrency"]) is { } concurrency)
                    {
                        context.Set("sagemaker:ServerlessMaxConcurrency", concurrency);
                    }

                    if (Text(variant?["ServerlessConfig"]?["MemorySizeInMB"]) is { } memory)
                    {
                        context.Set("sagemaker:ServerlessMemorySize", memory);
                    }
                }

                break;
            case "CreateEndpoint":
                resources.Add(Arn("endpoint-config", Text(request["EndpointConfigName"]) ?? string.Empty));
                break;
        }

        SetListIfAny(context, "sagemaker:VpcSubnets", subnets);
        SetListIfAny(context, "sagemaker:VpcSecurityGroupIds", securityGroups);
        SetListIfAny(context, "sagemaker:InstanceTypes", instanceTypes);
        SetListIfAny(context, "sagemaker:AcceleratorTypes", acceleratorTypes);
        if (volumeKms is not null)
        {
            context.Set("sagemaker:VolumeKmsKey", volumeKms).Set("sagemaker:VolumeKmsKeyArn", KmsArn(volumeKms));
        }

        if (outputKms is not null)
        {
            context.Set("sagemaker:OutputKmsKey", outputKms).Set("sagemaker:OutputKmsKeyArn", KmsArn(outputKms));
        }

        if (operation != "CreateEndpoint" && request["Tags"] is JsonArray { Count: > 0 } tags)
        {
            foreach (var tag in tags)
            {
                if (Text(tag?["Key"]) is { } key)
                {
                    context.Set($"aws:RequestTag/{key}", Text(tag?["Value"]) ?? string.Empty);
                }
            }

            context.SetList("aws:TagKeys", tags.Select(t => Text(t?["Key"])).OfType<string>());
        }

        return new SageMakerAuthorizationRequest($"sagemaker:{operation}", resources, context);
    }

    private static void SetListIfAny(RequestContext context, string key, List<string> values)
    {
        if (values.Count > 0)
        {
            context.SetList(key, values.Distinct(StringComparer.Ordinal));
        }
    }

    private static void AddIf(List<string> list, JsonNode? node)
    {
        if (Text(node) is { } value)
        {
            list.Add(value);
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(Text).OfType<string>() : [];

    private static string? Text(JsonNode? node) => PolicyDocument.Text(node);
}
