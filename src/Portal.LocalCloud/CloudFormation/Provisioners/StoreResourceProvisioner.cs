using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.CloudFormation.Handler;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.CloudFormation.Provisioners;

/// <summary>
/// The <see cref="IResourceProvisioner"/> over LocalCloud's stores: IAM, S3, KMS, SSM, EC2 and SageMaker resources
/// become real store entries (visible to Describe/Get calls and to the policy evaluator); the other catalogued
/// types are kept as records with their documented attributes; any other type fails with
/// <c>resource type X is not supported by LocalCloud</c>. Every call takes the state gate.
/// </summary>
public sealed partial class StoreResourceProvisioner : IResourceProvisioner
{
    private const string User = "arn:aws:iam::cloudformation";
    private readonly CloudStateHolder _holder;
    private readonly string _accountId;
    private readonly string _region;
    private readonly TimeProvider _time;

    public StoreResourceProvisioner(CloudStateHolder holder, string accountId, string region, TimeProvider time)
    {
        _holder = holder;
        _accountId = accountId;
        _region = region;
        _time = time;
    }

    private RegionState Region => _holder.State.Account(_accountId).Region(_region);

    private AccountState Account => _holder.State.Account(_accountId);

    private DateTimeOffset Now => _time.GetUtcNow();

    public Task<ProvisioningResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = request with { FixedName = request.NameOrGenerated() };
        return Guarded(() => Unauthorized(request, ResourceOperation.Create) ?? request.ResourceType switch
        {
            "AWS::IAM::Role" => CreateRole(request),
            "AWS::IAM::Policy" => PutInlinePolicy(request, null),
            "AWS::IAM::ManagedPolicy" => CreateManagedPolicy(request),
            "AWS::IAM::InstanceProfile" => CreateInstanceProfile(request),
            "AWS::S3::Bucket" => CreateBucket(request),
            "AWS::S3::BucketPolicy" => PutBucketPolicy(request),
            "AWS::KMS::Key" => CreateKey(request),
            "AWS::KMS::Alias" => CreateAlias(request),
            "AWS::SSM::Parameter" => PutParameter(request, overwrite: false),
            "AWS::EC2::VPC" => CreateVpc(request),
            "AWS::EC2::Subnet" => CreateSubnet(request),
            "AWS::EC2::SecurityGroup" => CreateSecurityGroup(request),
            "AWS::EC2::SecurityGroupIngress" => AddRule(request, ingress: true),
            "AWS::EC2::SecurityGroupEgress" => AddRule(request, ingress: false),
            "AWS::EC2::VPCEndpoint" => CreateVpcEndpoint(request),
            _ when IsRouting(request) => CreateRouting(request),
            "AWS::SageMaker::NotebookInstance" => CreateNotebook(request),
            "AWS::SageMaker::NotebookInstanceLifecycleConfig" => CreateLifecycleConfig(request),
            "AWS::SageMaker::CodeRepository" => CreateCodeRepository(request),
            "AWS::SageMaker::Model" => CreateModel(request),
            "AWS::SageMaker::EndpointConfig" => CreateEndpointConfig(request),
            "AWS::SageMaker::Endpoint" => CreateEndpoint(request),
            "AWS::ServiceCatalog::Portfolio" => CreatePortfolio(request),
            "AWS::ServiceCatalog::CloudFormationProduct" => CreateProduct(request),
            "AWS::ServiceCatalog::PortfolioProductAssociation" => AssociateProduct(request, associate: true),
            "AWS::ServiceCatalog::PortfolioPrincipalAssociation" => AssociatePrincipal(request, associate: true),
            "AWS::ServiceCatalog::LaunchRoleConstraint" => CreateConstraint(request, "LAUNCH"),
            "AWS::ServiceCatalog::LaunchTemplateConstraint" => CreateConstraint(request, "TEMPLATE"),
            "AWS::ServiceCatalog::TagOption" => CreateTagOption(request),
            "AWS::ServiceCatalog::TagOptionAssociation" => AssociateTagOption(request, associate: true),
            _ => CreateRecord(request),
        });
    }

    public Task<ProvisioningResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Guarded(() => Unauthorized(request, ResourceOperation.Update) ?? request.ResourceType switch
        {
            "AWS::IAM::Role" => UpdateRole(request),
            "AWS::IAM::Policy" => PutInlinePolicy(request, request.PreviousProperties),
            "AWS::IAM::ManagedPolicy" => UpdateManagedPolicy(request),
            "AWS::IAM::InstanceProfile" => UpdateInstanceProfile(request),
            "AWS::S3::Bucket" => UpdateBucket(request),
            "AWS::S3::BucketPolicy" => PutBucketPolicy(request),
            "AWS::KMS::Key" => UpdateKey(request),
            "AWS::KMS::Alias" => UpdateAlias(request),
            "AWS::SSM::Parameter" => PutParameter(request, overwrite: true),
            "AWS::EC2::SecurityGroup" => UpdateSecurityGroup(request),
            _ when IsRouting(request) => UpdateRouting(request),
            "AWS::SageMaker::NotebookInstance" => UpdateNotebook(request),
            "AWS::SageMaker::NotebookInstanceLifecycleConfig" => UpdateLifecycleConfig(request),
            "AWS::SageMaker::CodeRepository" => UpdateCodeRepository(request),
            "AWS::SageMaker::Model" => UpdateModel(request),
            "AWS::SageMaker::EndpointConfig" => UpdateEndpointConfig(request),
            "AWS::SageMaker::Endpoint" => UpdateEndpoint(request),
            "AWS::ServiceCatalog::Portfolio" => UpdatePortfolio(request),
            "AWS::ServiceCatalog::CloudFormationProduct" => UpdateProduct(request),
            "AWS::ServiceCatalog::LaunchRoleConstraint" or "AWS::ServiceCatalog::LaunchTemplateConstraint" => UpdateConstraint(request),
            "AWS::ServiceCatalog::TagOption" => UpdateTagOption(request),
            "AWS::EC2::VPC" or "AWS::EC2::Subnet" or "AWS::EC2::VPCEndpoint" => UpdateNetwork(request),

            // Only a rule's Description updates in place (other properties replace it) and LocalCloud does not model rule descriptions.
            "AWS::EC2::SecurityGroupIngress" or "AWS::EC2::SecurityGroupEgress" => Redescribe(request, request.PhysicalId!),
            _ => UpdateRecord(request),
        });
    }

    public Task<ProvisioningResult> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PhysicalId is null)
        {
            return Task.FromResult(Deleted(request));
        }

        return Guarded(() => Unauthorized(request, ResourceOperation.Delete) ?? request.ResourceType switch
        {
            "AWS::IAM::Role" => DeleteRole(request),
            "AWS::IAM::Policy" => DeleteInlinePolicy(request),
            "AWS::IAM::ManagedPolicy" => DeleteManagedPolicy(request),
            "AWS::IAM::InstanceProfile" => DeleteInstanceProfile(request),
            "AWS::S3::Bucket" => DeleteBucket(request),
            "AWS::S3::BucketPolicy" => DeleteBucketPolicy(request),
            "AWS::KMS::Key" => DeleteKey(request),
            "AWS::KMS::Alias" => DeleteAlias(request),
            "AWS::SSM::Parameter" => DeleteParameter(request),
            "AWS::EC2::VPC" or "AWS::EC2::Subnet" or "AWS::EC2::SecurityGroup" or "AWS::EC2::VPCEndpoint" => DeleteEc2(request),
            _ when IsRouting(request) => DeleteRouting(request),
            "AWS::EC2::SecurityGroupIngress" => RemoveRule(request, ingress: true),
            "AWS::EC2::SecurityGroupEgress" => RemoveRule(request, ingress: false),
            "AWS::SageMaker::NotebookInstance" => DeleteSageMaker(request, SageMaker.SmKind.NotebookInstance),
            "AWS::SageMaker::NotebookInstanceLifecycleConfig" => DeleteSageMaker(request, SageMaker.SmKind.LifecycleConfig),
            "AWS::SageMaker::CodeRepository" => DeleteCodeRepository(request),
            "AWS::SageMaker::Model" => DeleteSageMaker(request, SageMaker.SmKind.Model),
            "AWS::SageMaker::EndpointConfig" => DeleteSageMaker(request, SageMaker.SmKind.EndpointConfig),
            "AWS::SageMaker::Endpoint" => DeleteSageMaker(request, SageMaker.SmKind.Endpoint),
            "AWS::ServiceCatalog::Portfolio" => DeletePortfolio(request),
            "AWS::ServiceCatalog::CloudFormationProduct" => DeleteProduct(request),
            "AWS::ServiceCatalog::PortfolioProductAssociation" => AssociateProduct(request, associate: false),
            "AWS::ServiceCatalog::PortfolioPrincipalAssociation" => AssociatePrincipal(request, associate: false),
            "AWS::ServiceCatalog::LaunchRoleConstraint" or "AWS::ServiceCatalog::LaunchTemplateConstraint" => DeleteConstraint(request),
            "AWS::ServiceCatalog::TagOption" => DeleteTagOption(request),
            "AWS::ServiceCatalog::TagOptionAssociation" => AssociateTagOption(request, associate: false),
            _ => DeleteRecord(request),
        });
    }

    private Task<ProvisioningResult> Guarded(Func<ProvisioningResult> action)
    {
        lock (_holder.Gate)
        {
            try
            {
                return Task.FromResult(action());
            }
            catch (ServiceException e)
            {
                return Task.FromResult(ProvisioningResult.Failure(e.Message, HandlerCode(e)));
            }
        }
    }

    private static string HandlerCode(ServiceException e) => e.Code switch
    {
        _ when e.Code.Contains("AlreadyExists", StringComparison.Ordinal) || e.Code.Contains("Duplicate", StringComparison.Ordinal)
            || e.Code is "ResourceInUse" or "BucketAlreadyOwnedByYou" or "EntityAlreadyExists" => "AlreadyExists",
        _ when e.Code.StartsWith("NoSuch", StringComparison.Ordinal) || e.Code.Contains("NotFound", StringComparison.Ordinal) => "NotFound",
        "BucketNotEmpty" or "DeleteConflict" or "DependencyViolation" => "GeneralServiceException",
        _ => "InvalidRequest",
    };

    /// <summary>The catalogue's physical id and attributes for a resource of that name and id, with store values overriding.</summary>
    private static ProvisioningResult Described(ResourceRequest request, string name, string id, DateTimeOffset createdAt, IReadOnlyDictionary<string, JsonNode?>? overrides = null, string? physicalId = null)
    {
        var identity = new ResourceIdentity(name, id, request.Environment, request.Properties) { CreatedAt = createdAt };
        var (described, attributes) = request.TypeInfo.Describe(identity);
        foreach (var (key, value) in overrides ?? new Dictionary<string, JsonNode?>())
        {
            attributes[key] = value;
        }

        return ProvisioningResult.Success(physicalId ?? described, attributes);
    }

    private static ProvisioningResult Deleted(ResourceRequest request) =>
        ProvisioningResult.Success(request.PhysicalId ?? string.Empty, new Dictionary<string, JsonNode?>());

    private static ProvisioningResult Redescribe(ResourceRequest request, string id) =>
        Described(request, request.PhysicalId!, id, DateTimeOffset.MinValue, request.PreviousAttributes, request.PhysicalId);

    private static string? Str(JsonObject properties, string name) => TemplateValues.AsString(properties[name]);

    private static string Required(JsonObject properties, string name) =>
        Str(properties, name) is { Length: > 0 } value ? value : throw new ServiceException("InvalidRequest", $"Property {name} cannot be empty.");

    private static IReadOnlyList<string> Strings(JsonObject properties, string name) =>
        properties[name] switch
        {
            JsonArray array => array.Select(TemplateValues.AsString).OfType<string>().ToList(),
            JsonNode node when TemplateValues.AsString(node) is { } one => [one],
            _ => [],
        };

    /// <summary>A policy document property as JSON text (templates give an object or a JSON string).</summary>
    private static string? Document(JsonNode? node) =>
        node switch
        {
            null => null,
            JsonValue value when TemplateValues.AsString(value) is { } text => text,
            _ => node.ToJsonString(),
        };

    private static List<Tag> Tags(ResourceRequest request)
    {
        var tags = new List<Tag>();
        if (request.Properties["Tags"] is JsonArray array)
        {
            tags.AddRange(array.OfType<JsonObject>().Select(t => new Tag(TemplateValues.AsString(t["Key"]) ?? string.Empty, TemplateValues.AsString(t["Value"]) ?? string.Empty)));
        }
        else if (request.Properties["Tags"] is JsonObject map)
        {
            tags.AddRange(map.Select(t => new Tag(t.Key, TemplateValues.AsString(t.Value) ?? string.Empty)));
        }

        tags.AddRange(request.Tags.Where(t => tags.All(x => x.Key != t.Key)).Select(t => new Tag(t.Key, t.Value)));
        return tags;
    }

    private ProvisioningResult CreateRecord(ResourceRequest request)
    {
        if (!ResourceTypeCatalog.IsModelled(request.ResourceType))
        {
            return ProvisioningResult.Failure($"resource type {request.ResourceType} is not supported by LocalCloud", "InvalidRequest");
        }

        var info = request.TypeInfo;
        var name = request.NameOrGenerated();
        var records = Region.CloudFormation.Records;
        var key = request.ResourceType + "|" + name;
        if (records.ContainsKey(key))
        {
            return ProvisioningResult.Failure($"Resource of type '{request.ResourceType}' with identifier '{name}' already exists.", "AlreadyExists");
        }

        var id = PhysicalIds.NewId(info.IdShape);
        var now = Now;
        var result = Described(request, name, id, now);
        records[key] = new CfnRecord(request.ResourceType, name, id, result.PhysicalId!, now);
        return result;
    }

    private ProvisioningResult UpdateRecord(ResourceRequest request)
    {
        var record = Region.CloudFormation.Records.Values.FirstOrDefault(r => r.Type == request.ResourceType && r.PhysicalId == request.PhysicalId);
        return record is null
            ? ProvisioningResult.Failure($"Resource of type '{request.ResourceType}' with identifier '{request.PhysicalId}' was not found.", "NotFound")
            : Described(request, record.Name, record.Id, record.CreatedAt, physicalId: record.PhysicalId);
    }

    private ProvisioningResult DeleteRecord(ResourceRequest request)
    {
        var records = Region.CloudFormation.Records;
        foreach (var key in records.Where(r => r.Value.Type == request.ResourceType && r.Value.PhysicalId == request.PhysicalId).Select(r => r.Key).ToList())
        {
            records.Remove(key);
        }

        return Deleted(request);
    }
}
