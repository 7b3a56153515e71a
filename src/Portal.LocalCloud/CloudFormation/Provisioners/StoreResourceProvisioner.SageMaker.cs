using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.SageMaker;

namespace Portal.LocalCloud.CloudFormation.Provisioners;

/// <summary>
/// SageMaker notebook instances, lifecycle configurations, code repositories, models, endpoint configurations and
/// endpoints: real store entries DescribeNotebookInstance, DescribeCodeRepository, DescribeModel, DescribeEndpointConfig
/// and DescribeEndpoint return.
/// </summary>
public sealed partial class StoreResourceProvisioner
{
    private static readonly string[] SpecExcluded = ["Tags", "NotebookInstanceName", "NotebookInstanceLifecycleConfigName", "ModelName", "EndpointConfigName", "EndpointName"];

    private ProvisioningResult CreateNotebook(ResourceRequest request)
    {
        var p = request.Properties;
        ValidateNotebook(p);
        Region.SageMaker.CheckNotebookRepositories(NotebookRepositories(p));
        var name = request.NameOrGenerated();
        var notebook = Region.SageMaker.CreateNotebookInstance(_accountId, _region, name, Spec(p), Tags(request), Now);
        return NotebookResult(request, notebook);
    }

    private ProvisioningResult UpdateNotebook(ResourceRequest request)
    {
        ValidateNotebook(request.Properties);
        Region.SageMaker.CheckNotebookRepositories(NotebookRepositories(request.Properties));
        var notebook = SageMakerResource(SmKind.NotebookInstance, request.PhysicalId!);
        notebook.Specification = Spec(request.Properties).ToJsonString();
        notebook.Tags = Tags(request);
        notebook.LastModifiedTime = Now;
        return NotebookResult(request, notebook);
    }

    private static ProvisioningResult NotebookResult(ResourceRequest request, SmResource notebook) =>
        Described(request, notebook.Name, notebook.Name, notebook.CreationTime,
            new Dictionary<string, JsonNode?> { ["NotebookInstanceArn"] = notebook.Arn, ["NotebookInstanceName"] = notebook.Name }, notebook.Arn);

    private static void ValidateNotebook(JsonObject p)
    {
        NotebookRules.CheckInstanceType(Required(p, "InstanceType"));
        if (Str(p, "VolumeSizeInGB") is { } volume)
        {
            NotebookRules.CheckVolumeSize(volume);
        }

        foreach (var (member, allowed) in new[] { ("RootAccess", "Enabled|Disabled"), ("DirectInternetAccess", "Enabled|Disabled") })
        {
            if (Str(p, member) is { } value && !allowed.Split('|').Contains(value))
            {
                throw new ServiceException("ValidationException", $"1 validation error detected: Value '{value}' at '{char.ToLowerInvariant(member[0]) + member[1..]}' failed to satisfy constraint: Member must satisfy enum value set: [{allowed.Replace("|", ", ", StringComparison.Ordinal)}]");
            }
        }

        if (Str(p, "DirectInternetAccess") == "Disabled" && Str(p, "SubnetId") is null)
        {
            throw new ServiceException("ValidationException", "Direct internet access can only be disabled when a subnet is specified.");
        }
    }

    private static IEnumerable<string> NotebookRepositories(JsonObject p) =>
        Strings(p, "AdditionalCodeRepositories").Prepend(Str(p, "DefaultCodeRepository")).OfType<string>();

    private ProvisioningResult CreateCodeRepository(ResourceRequest request)
    {
        var gitConfig = request.Properties["GitConfig"] as JsonObject ?? throw new ServiceException("ValidationException", "Property GitConfig must be an object with RepositoryUrl.");
        var repository = Region.SageMaker.CreateCodeRepository(_accountId, _region, request.NameOrGenerated(), ResolvedObject(gitConfig), Tags(request), Now);
        return CodeRepositoryResult(request, repository);
    }

    /// <summary>GitConfig and Tags update in place (a new CodeRepositoryName replaces the resource), keeping the ARN.</summary>
    private ProvisioningResult UpdateCodeRepository(ResourceRequest request)
    {
        var gitConfig = request.Properties["GitConfig"] as JsonObject ?? throw new ServiceException("ValidationException", "Property GitConfig must be an object with RepositoryUrl.");
        var specification = SageMakerStore.CodeRepositorySpecification(ResolvedObject(gitConfig));
        var repository = Retagged(SmKind.CodeRepository, request);
        repository.Specification = specification.ToJsonString();
        return CodeRepositoryResult(request, repository);
    }

    private ProvisioningResult DeleteCodeRepository(ResourceRequest request) =>
        Region.SageMaker.Resources.Values.Any(r => r.Kind == SmKind.CodeRepository && r.Arn == request.PhysicalId)
            ? DeleteSageMaker(request, SmKind.CodeRepository)
            : DeleteRecord(request); // a stack created before code repositories were SageMaker state holds a record

    private static ProvisioningResult CodeRepositoryResult(ResourceRequest request, SmResource repository) =>
        Described(request, repository.Name, repository.Name, repository.CreationTime,
            new Dictionary<string, JsonNode?> { ["CodeRepositoryName"] = repository.Name }, repository.Arn);

    /// <summary>A template object with its scalar values as plain strings (templates give numbers and booleans as typed).</summary>
    private static JsonObject ResolvedObject(JsonObject source) =>
        new(source.Select(m => KeyValuePair.Create(m.Key, TemplateValues.AsString(m.Value) is { } text ? (JsonNode?)text : m.Value?.DeepClone())));

    private ProvisioningResult CreateLifecycleConfig(ResourceRequest request)
    {
        var name = request.NameOrGenerated();
        var config = Region.SageMaker.Create(SmKind.LifecycleConfig, name, _accountId, _region, Spec(request.Properties), [], null, null, Now, "ResourceInUse",
            $"Unable to create Notebook Instance Lifecycle Config {name}: it already exists.");
        return Described(request, config.Name, config.Name, config.CreationTime,
            new Dictionary<string, JsonNode?> { ["NotebookInstanceLifecycleConfigArn"] = config.Arn }, config.Arn);
    }

    private ProvisioningResult UpdateLifecycleConfig(ResourceRequest request)
    {
        var config = SageMakerResource(SmKind.LifecycleConfig, request.PhysicalId!);
        config.Specification = Spec(request.Properties).ToJsonString();
        config.LastModifiedTime = Now;
        return Described(request, config.Name, config.Name, config.CreationTime,
            new Dictionary<string, JsonNode?> { ["NotebookInstanceLifecycleConfigArn"] = config.Arn }, config.Arn);
    }

    private ProvisioningResult CreateModel(ResourceRequest request)
    {
        var name = request.NameOrGenerated();
        var model = Region.SageMaker.Create(SmKind.Model, name, _accountId, _region, Spec(request.Properties), Tags(request), null, null, Now, "ValidationException",
            $"Cannot create already existing model \"{SageMakerArn(SmKind.Model, name)}\".");
        return ModelResult(request, model);
    }

    private ProvisioningResult UpdateModel(ResourceRequest request)
    {
        var model = Retagged(SmKind.Model, request);
        return ModelResult(request, model);
    }

    private static ProvisioningResult ModelResult(ResourceRequest request, SmResource model) =>
        Described(request, model.Name, model.Name, model.CreationTime,
            new Dictionary<string, JsonNode?> { ["ModelArn"] = model.Arn, ["ModelName"] = model.Name }, model.Arn);

    private ProvisioningResult CreateEndpointConfig(ResourceRequest request)
    {
        var p = request.Properties;
        if (p["ProductionVariants"] is not JsonArray { Count: > 0 } variants)
        {
            throw new ServiceException("ValidationException", "1 validation error detected: Value '[]' at 'productionVariants' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }

        foreach (var model in variants.Select(v => TemplateValues.AsString(v?["ModelName"]) ?? string.Empty))
        {
            _ = Existing(SmKind.Model, model) ?? throw new ServiceException("ValidationException", $"Could not find model \"{model}\".");
        }

        var name = request.NameOrGenerated();
        var config = Region.SageMaker.Create(SmKind.EndpointConfig, name, _accountId, _region, Spec(p), Tags(request), null, null, Now, "ValidationException",
            $"Cannot create already existing endpoint configuration \"{SageMakerArn(SmKind.EndpointConfig, name)}\".");
        return EndpointConfigResult(request, config);
    }

    private ProvisioningResult UpdateEndpointConfig(ResourceRequest request) => EndpointConfigResult(request, Retagged(SmKind.EndpointConfig, request));

    private static ProvisioningResult EndpointConfigResult(ResourceRequest request, SmResource config) =>
        Described(request, config.Name, config.Name, config.CreationTime,
            new Dictionary<string, JsonNode?> { ["EndpointConfigArn"] = config.Arn, ["EndpointConfigName"] = config.Name }, config.Arn);

    /// <summary>Creates an endpoint (Creating → InService on the lifecycle clock) on an existing endpoint configuration.</summary>
    private ProvisioningResult CreateEndpoint(ResourceRequest request)
    {
        var configName = ExistingEndpointConfig(request.Properties);
        var name = request.NameOrGenerated();
        var endpoint = Region.SageMaker.Create(SmKind.Endpoint, name, _accountId, _region, Spec(request.Properties), Tags(request), "Creating", "InService", Now, "ValidationException",
            $"Cannot create already existing endpoint \"{SageMakerArn(SmKind.Endpoint, name)}\".");
        endpoint.Links["EndpointConfigName"] = configName;
        return EndpointResult(request, endpoint);
    }

    /// <summary>A new EndpointConfigName is an in-place update (Updating → InService), keeping the ARN.</summary>
    private ProvisioningResult UpdateEndpoint(ResourceRequest request)
    {
        var configName = ExistingEndpointConfig(request.Properties);
        var endpoint = Retagged(SmKind.Endpoint, request);
        endpoint.Specification = Spec(request.Properties).ToJsonString();
        if (endpoint.Links.GetValueOrDefault("EndpointConfigName") != configName)
        {
            endpoint.Links["EndpointConfigName"] = configName;
            SageMakerStore.Transition(endpoint, "Updating", "InService", Now);
        }

        return EndpointResult(request, endpoint);
    }

    private static ProvisioningResult EndpointResult(ResourceRequest request, SmResource endpoint) =>
        Described(request, endpoint.Name, endpoint.Name, endpoint.CreationTime,
            new Dictionary<string, JsonNode?> { ["EndpointArn"] = endpoint.Arn, ["EndpointName"] = endpoint.Name }, endpoint.Arn);

    private string ExistingEndpointConfig(JsonObject properties)
    {
        var configName = Required(properties, "EndpointConfigName");
        return Existing(SmKind.EndpointConfig, configName)?.Name
            ?? throw new ServiceException("ValidationException", $"Could not find endpoint configuration \"{configName}\".");
    }

    /// <summary>The resource behind a physical id with the request's tags (the only property these types update in place).</summary>
    private SmResource Retagged(string kind, ResourceRequest request)
    {
        var resource = SageMakerResource(kind, request.PhysicalId!);
        resource.Tags = Tags(request);
        resource.LastModifiedTime = Now;
        return resource;
    }

    private SmResource? Existing(string kind, string name) => Region.SageMaker.Resources.GetValueOrDefault(SageMakerStore.Key(kind, name));

    private string SageMakerArn(string kind, string name) => $"arn:aws:sagemaker:{_region}:{_accountId}:{kind}/{name.ToLowerInvariant()}";

    private ProvisioningResult DeleteSageMaker(ResourceRequest request, string kind)
    {
        var resources = Region.SageMaker.Resources;
        foreach (var key in resources.Where(r => r.Value.Kind == kind && r.Value.Arn == request.PhysicalId).Select(r => r.Key).ToList())
        {
            resources.Remove(key);
        }

        return Deleted(request);
    }

    private SmResource SageMakerResource(string kind, string arn) =>
        Region.SageMaker.Resources.Values.FirstOrDefault(r => r.Kind == kind && r.Arn == arn)
            ?? throw new ServiceException("ValidationException", $"RecordNotFound: {arn}");

    private static JsonObject Spec(JsonObject properties)
    {
        var spec = (JsonObject)properties.DeepClone();
        foreach (var member in SpecExcluded)
        {
            spec.Remove(member);
        }

        return spec;
    }
}
