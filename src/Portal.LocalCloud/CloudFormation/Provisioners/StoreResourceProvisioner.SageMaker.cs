using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.SageMaker;

namespace Portal.LocalCloud.CloudFormation.Provisioners;

/// <summary>SageMaker notebook instances and lifecycle configurations: real entries DescribeNotebookInstance returns.</summary>
public sealed partial class StoreResourceProvisioner
{
    private static readonly string[] SpecExcluded = ["Tags", "NotebookInstanceName", "NotebookInstanceLifecycleConfigName"];

    private ProvisioningResult CreateNotebook(ResourceRequest request)
    {
        var p = request.Properties;
        ValidateNotebook(p);
        var name = request.NameOrGenerated();
        var notebook = Region.SageMaker.CreateNotebookInstance(_accountId, _region, name, Spec(p), Tags(request), Now);
        return NotebookResult(request, notebook);
    }

    private ProvisioningResult UpdateNotebook(ResourceRequest request)
    {
        ValidateNotebook(request.Properties);
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
        var type = Required(p, "InstanceType");
        if (!type.StartsWith("ml.", StringComparison.Ordinal) || type.Count(c => c == '.') != 2)
        {
            throw new ServiceException("ValidationException", $"1 validation error detected: Value '{type}' at 'instanceType' failed to satisfy constraint: Member must satisfy enum value set");
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
