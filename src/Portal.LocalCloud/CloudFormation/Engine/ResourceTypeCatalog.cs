using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>
/// The resource types LocalCloud models, as cloudformation-resources.md §2 documents them: Ref value, GetAtt attributes,
/// required properties and the properties whose change requires replacement. Types not listed get <see cref="Generic"/>.
/// </summary>
public static class ResourceTypeCatalog
{
    public const string NestedStackType = "AWS::CloudFormation::Stack";

    private static readonly Dictionary<string, ResourceTypeInfo> Types = Build();

    /// <summary>Every modelled type, by type name.</summary>
    public static IReadOnlyDictionary<string, ResourceTypeInfo> All => Types;

    /// <summary>The catalogue entry, or a generic one (Ref = generated name, any attribute allowed, nothing replaces).</summary>
    public static ResourceTypeInfo Get(string type) => Types.TryGetValue(type, out var info) ? info : Generic(type);

    public static bool IsModelled(string type) => Types.ContainsKey(type);

    /// <summary>True when <paramref name="attribute"/> is a documented Fn::GetAtt attribute of the type (always for unmodelled types).</summary>
    public static bool SupportsAttribute(string type, string attribute)
    {
        if (type == NestedStackType && attribute.StartsWith("Outputs.", StringComparison.Ordinal))
        {
            return true;
        }

        return !Types.TryGetValue(type, out var info) || info.Attributes.ContainsKey(attribute)
            || info.Attributes.Keys.Any(k => attribute.StartsWith(k + ".", StringComparison.Ordinal));
    }

    public static ResourceTypeInfo Generic(string type) => new(
        type, null, 64, false, null, i => i.Name, new Dictionary<string, Func<ResourceIdentity, JsonNode?>>(), new HashSet<string>(), new HashSet<string>())
    { IsGeneric = true };

    private static Dictionary<string, ResourceTypeInfo> Build()
    {
        var b = new CatalogBuilder();

        // SageMaker
        b.Add("AWS::SageMaker::NotebookInstance", "NotebookInstanceName", 63, i => i.Arn("sagemaker", $"notebook-instance/{i.Name}"),
            A("NotebookInstanceArn", i => i.Arn("sagemaker", $"notebook-instance/{i.Name}")), A("NotebookInstanceName", i => i.Name))
            .Required("InstanceType", "RoleArn")
            .Replace("DirectInternetAccess", "KmsKeyId", "NotebookInstanceName", "PlatformIdentifier", "SecurityGroupIds", "SubnetId");
        b.Add("AWS::SageMaker::NotebookInstanceLifecycleConfig", "NotebookInstanceLifecycleConfigName", 63,
            i => i.Arn("sagemaker", $"notebook-instance-lifecycle-config/{i.Name}"),
            A("NotebookInstanceLifecycleConfigArn", i => i.Arn("sagemaker", $"notebook-instance-lifecycle-config/{i.Name}")),
            A("NotebookInstanceLifecycleConfigName", i => i.Name))
            .Replace("NotebookInstanceLifecycleConfigName");
        b.Add("AWS::SageMaker::CodeRepository", "CodeRepositoryName", 63, i => i.Arn("sagemaker", $"code-repository/{i.Name}"),
            A("CodeRepositoryName", i => i.Name))
            .Required("GitConfig").Replace("CodeRepositoryName");
        b.Add("AWS::SageMaker::Model", "ModelName", 63, i => i.Arn("sagemaker", $"model/{i.Name}"),
            A("ModelArn", i => i.Arn("sagemaker", $"model/{i.Name}")), A("ModelName", i => i.Name))
            .Replace("Containers", "EnableNetworkIsolation", "ExecutionRoleArn", "InferenceExecutionConfig", "ModelName", "PrimaryContainer", "VpcConfig");
        b.Add("AWS::SageMaker::EndpointConfig", "EndpointConfigName", 63, i => i.Arn("sagemaker", $"endpoint-config/{i.Name}"),
            A("EndpointConfigArn", i => i.Arn("sagemaker", $"endpoint-config/{i.Name}")), A("EndpointConfigName", i => i.Name))
            .Required("ProductionVariants")
            .Replace("AsyncInferenceConfig", "DataCaptureConfig", "EnableNetworkIsolation", "EndpointConfigName", "ExecutionRoleArn", "ExplainerConfig",
                "KmsKeyId", "MetricsConfig", "ProductionVariants", "ShadowProductionVariants", "VpcConfig");
        b.Add("AWS::SageMaker::Endpoint", "EndpointName", 63, i => i.Arn("sagemaker", $"endpoint/{i.Name}"),
            A("EndpointArn", i => i.Arn("sagemaker", $"endpoint/{i.Name}")), A("EndpointName", i => i.Name))
            .Required("EndpointConfigName").Replace("EndpointName");

        // IAM
        b.Add("AWS::IAM::Role", "RoleName", 64, i => i.Name,
            A("Arn", i => i.Arn("iam", $"role{i.Property("Path", "/")}{i.Name}", regional: false)), A("RoleId", i => "AROA" + i.Id))
            .Required("AssumeRolePolicyDocument").Replace("Path", "RoleName").NamedIam("RoleName").Id(null, 17, upper: true);
        b.Add("AWS::IAM::Policy", null, 64, i => i.Name, A("Id", i => i.Name))
            .Required("PolicyDocument", "PolicyName");
        b.Add("AWS::IAM::ManagedPolicy", "ManagedPolicyName", 128, i => i.Arn("iam", $"policy{i.Property("Path", "/")}{i.Name}", regional: false),
            A("PolicyArn", i => i.Arn("iam", $"policy{i.Property("Path", "/")}{i.Name}", regional: false)), A("PolicyId", i => "ANPA" + i.Id),
            A("AttachmentCount", _ => JsonValue.Create(0)), A("DefaultVersionId", _ => "v1"), A("IsAttachable", _ => JsonValue.Create(true)),
            A("PermissionsBoundaryUsageCount", _ => JsonValue.Create(0)), A("CreateDate", i => Iso(i.CreatedAt)), A("UpdateDate", i => Iso(i.CreatedAt)))
            .Required("PolicyDocument").Replace("Description", "ManagedPolicyName", "Path").NamedIam("ManagedPolicyName").Id(null, 17, upper: true);
        b.Add("AWS::IAM::InstanceProfile", "InstanceProfileName", 128, i => i.Name,
            A("Arn", i => i.Arn("iam", $"instance-profile{i.Property("Path", "/")}{i.Name}", regional: false)))
            .Required("Roles").Replace("InstanceProfileName", "Path").NamedIam("InstanceProfileName");
        b.Add("AWS::IAM::User", "UserName", 64, i => i.Name,
            A("Arn", i => i.Arn("iam", $"user{i.Property("Path", "/")}{i.Name}", regional: false)))
            .Replace("UserName").NamedIam("UserName");
        b.Add("AWS::IAM::Group", "GroupName", 128, i => i.Name,
            A("Arn", i => i.Arn("iam", $"group{i.Property("Path", "/")}{i.Name}", regional: false)))
            .Replace("GroupName").NamedIam("GroupName");

        // S3, KMS, SSM
        b.Add("AWS::S3::Bucket", "BucketName", 63, i => i.Name,
            A("Arn", i => $"arn:{i.Environment.Partition}:s3:::{i.Name}"), A("DomainName", i => $"{i.Name}.s3.{i.Environment.UrlSuffix}"),
            A("DualStackDomainName", i => $"{i.Name}.s3.dualstack.{i.Environment.Region}.{i.Environment.UrlSuffix}"),
            A("RegionalDomainName", i => $"{i.Name}.s3.{i.Environment.Region}.{i.Environment.UrlSuffix}"),
            A("WebsiteURL", i => $"http://{i.Name}.s3-website.{i.Environment.Region}.{i.Environment.UrlSuffix}"))
            .Replace("BucketName", "BucketNamePrefix", "BucketNamespace", "ObjectLockEnabled").LowerCase();
        b.Add("AWS::S3::BucketPolicy", null, 64, i => i.Property("Bucket"))
            .Required("Bucket", "PolicyDocument").Replace("Bucket");
        b.Add("AWS::KMS::Key", null, 36, i => i.Id,
            A("Arn", i => i.Arn("kms", $"key/{i.Id}")), A("KeyId", i => i.Id))
            .Uuid();
        b.Add("AWS::KMS::Alias", "AliasName", 256, i => i.Name)
            .Required("AliasName", "TargetKeyId").Replace("AliasName");
        b.Add("AWS::SSM::Parameter", "Name", 1011, i => i.Name,
            A("Arn", i => i.Arn("ssm", $"parameter/{i.Name.TrimStart('/')}")), A("Type", i => i.Property("Type", "String")),
            A("Value", i => i.Property("Value")))
            .Required("Type", "Value").Replace("Name");

        // EC2 / VPC
        b.Add("AWS::EC2::VPC", null, 0, i => i.Id,
            A("CidrBlock", i => i.Property("CidrBlock", "10.0.0.0/16")), A("VpcId", i => i.Id),
            A("CidrBlockAssociations", i => List("vpc-cidr-assoc-" + i.Id[4..])), A("DefaultNetworkAcl", i => "acl-" + i.Id[4..]),
            A("DefaultSecurityGroup", i => "sg-" + i.Id[4..]), A("Ipv6CidrBlocks", _ => List()))
            .Replace("CidrBlock", "Ipv4IpamPoolId", "Ipv4NetmaskLength", "VpcEncryptionControl").Id("vpc-");
        b.Add("AWS::EC2::Subnet", null, 0, i => i.Id,
            A("AvailabilityZone", i => i.Property("AvailabilityZone", i.Environment.Region + "a")),
            A("AvailabilityZoneId", i => ZoneId(i)), A("CidrBlock", i => i.Property("CidrBlock")), A("Ipv6CidrBlocks", _ => List()),
            A("NetworkAclAssociationId", i => "aclassoc-" + i.Id[7..]), A("SubnetId", i => i.Id), A("VpcId", i => i.Property("VpcId")),
            A("OutpostArn", _ => string.Empty), A("BlockPublicAccessStates", _ => new JsonObject { ["InternetGatewayBlockMode"] = "off" }))
            .Required("VpcId")
            .Replace("AvailabilityZone", "AvailabilityZoneId", "CidrBlock", "Ipv4IpamPoolId", "Ipv4NetmaskLength", "Ipv6IpamPoolId", "Ipv6Native",
                "Ipv6NetmaskLength", "OutpostArn", "VpcId").Id("subnet-");
        b.Add("AWS::EC2::SecurityGroup", "GroupName", 255, i => i.Id,
            A("GroupId", i => i.Id), A("Id", i => i.Id), A("VpcId", i => i.Property("VpcId")))
            .Required("GroupDescription").Replace("GroupDescription", "GroupName", "VpcId").Id("sg-");
        b.Add("AWS::EC2::SecurityGroupIngress", null, 0, i => i.Id, A("Id", i => i.Id))
            .Required("IpProtocol")
            .Replace("CidrIp", "CidrIpv6", "FromPort", "GroupId", "GroupName", "IpProtocol", "SourcePrefixListId", "SourceSecurityGroupId",
                "SourceSecurityGroupName", "SourceSecurityGroupOwnerId", "ToPort").Id("sgr-");
        b.Add("AWS::EC2::SecurityGroupEgress", null, 0, i => i.Id, A("Id", i => i.Id))
            .Required("GroupId", "IpProtocol")
            .Replace("CidrIp", "CidrIpv6", "DestinationPrefixListId", "DestinationSecurityGroupId", "FromPort", "GroupId", "IpProtocol", "ToPort")
            .Id("sgr-");
        b.Add("AWS::EC2::RouteTable", null, 0, i => i.Id, A("RouteTableId", i => i.Id)).Required("VpcId").Replace("VpcId").Id("rtb-");
        b.Add("AWS::EC2::Route", null, 0, i => $"{i.Property("RouteTableId")}|{i.Property("DestinationCidrBlock", i.Property("DestinationIpv6CidrBlock"))}",
            A("CidrBlock", i => i.Property("DestinationCidrBlock")))
            .Required("RouteTableId").Replace("DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId", "RouteTableId");
        b.Add("AWS::EC2::SubnetRouteTableAssociation", null, 0, i => i.Id, A("Id", i => i.Id))
            .Required("RouteTableId", "SubnetId").Replace("RouteTableId", "SubnetId").Id("rtbassoc-");
        b.Add("AWS::EC2::VPCEndpoint", null, 0, i => i.Id,
            A("Id", i => i.Id), A("CreationTimestamp", i => Iso(i.CreatedAt)),
            A("DnsEntries", i => i.Property("VpcEndpointType", "Gateway") == "Interface"
                ? List($"Z7HUB22UULQXV:{i.Id}-{i.Id[5..13]}.{i.Property("ServiceName").Split('.').Last()}.{i.Environment.Region}.vpce.{i.Environment.UrlSuffix}")
                : List()),
            A("NetworkInterfaceIds", i => i.Property("VpcEndpointType", "Gateway") == "Interface" ? List("eni-" + i.Id[5..]) : List()))
            .Required("VpcId")
            .Replace("ResourceConfigurationArn", "ServiceName", "ServiceNetworkArn", "ServiceRegion", "VpcEndpointType", "VpcId").Id("vpce-");
        b.Add("AWS::EC2::InternetGateway", null, 0, i => i.Id, A("InternetGatewayId", i => i.Id)).Id("igw-");
        b.Add("AWS::EC2::VPCGatewayAttachment", null, 0,
            i => $"{(i.Properties.ContainsKey("VpnGatewayId") ? "VGW" : "IGW")}|{i.Property("VpcId")}",
            A("AttachmentType", i => i.Properties.ContainsKey("VpnGatewayId") ? "VGW" : "IGW"))
            .Required("VpcId").Replace("VpcId");
        b.Add("AWS::EC2::NatGateway", null, 0, i => i.Id, A("NatGatewayId", i => i.Id), A("EniId", i => "eni-" + i.Id[4..]))
            .Replace("AllocationId", "AvailabilityMode", "ConnectivityType", "PrivateIpAddress", "SubnetId", "VpcId").Id("nat-");
        b.Add("AWS::EC2::EIP", null, 0, i => PublicIp(i), A("AllocationId", i => "eipalloc-" + i.Id), A("PublicIp", i => PublicIp(i)))
            .Replace("Address", "Domain", "IpamPoolId", "NetworkBorderGroup", "TransferAddress").Id(null);
        b.Add("AWS::EC2::VPCEndpointService", null, 0, i => i.Id, A("ServiceId", i => i.Id)).Id("vpce-svc-");

        // Service Catalog
        b.Add("AWS::ServiceCatalog::Portfolio", null, 0, i => i.Id, A("Id", i => i.Id), A("PortfolioName", i => i.Property("DisplayName")))
            .Required("DisplayName", "ProviderName").Id("port-", 13, alnum: true);
        b.Add("AWS::ServiceCatalog::CloudFormationProduct", null, 0, i => i.Id,
            A("Id", i => i.Id), A("ProductName", i => i.Property("Name")),
            A("ProvisioningArtifactIds", i => "pa-" + i.Id[5..]),
            A("ProvisioningArtifactNames", i => string.Join(',', (i.Properties["ProvisioningArtifactParameters"] as JsonArray ?? [])
                .Select(p => TemplateValues.AsString(p?["Name"]) ?? string.Empty))))
            .Required("Name", "Owner").Id("prod-", 13, alnum: true);
        b.Add("AWS::ServiceCatalog::PortfolioProductAssociation", null, 0, i => $"{i.Property("PortfolioId")}|{i.Property("ProductId")}")
            .Replace("AcceptLanguage", "PortfolioId", "ProductId", "SourcePortfolioId");
        b.Add("AWS::ServiceCatalog::PortfolioPrincipalAssociation", null, 0, i => $"{i.Property("PortfolioId")}|{i.Property("PrincipalARN")}")
            .Required("PrincipalType").Replace("AcceptLanguage", "PortfolioId", "PrincipalARN", "PrincipalType");
        b.Add("AWS::ServiceCatalog::LaunchRoleConstraint", null, 0, i => i.Id, A("Id", i => i.Id))
            .Required("PortfolioId", "ProductId").Replace("PortfolioId", "ProductId").Id("cons-", 13, alnum: true);
        b.Add("AWS::ServiceCatalog::LaunchTemplateConstraint", null, 0, i => i.Id, A("Id", i => i.Id))
            .Required("PortfolioId", "ProductId", "Rules").Replace("PortfolioId", "ProductId").Id("cons-", 13, alnum: true);
        b.Add("AWS::ServiceCatalog::TagOption", null, 0, i => i.Id, A("Id", i => i.Id))
            .Required("Key", "Value").Replace("Key", "Value").Id("tag-", 13, alnum: true);
        b.Add("AWS::ServiceCatalog::TagOptionAssociation", null, 0, i => $"{i.Property("TagOptionId")}|{i.Property("ResourceId")}")
            .Replace("ResourceId", "TagOptionId");

        // CodeCommit, CodeArtifact, Logs, Events, Lambda, ResourceGroups
        b.Add("AWS::CodeCommit::Repository", "RepositoryName", 100, i => i.Id,
            A("Arn", i => i.Arn("codecommit", i.Name)), A("Name", i => i.Name), A("RepositoryId", i => i.Id),
            A("CloneUrlHttp", i => $"https://git-codecommit.{i.Environment.Region}.{i.Environment.UrlSuffix}/v1/repos/{i.Name}"),
            A("CloneUrlSsh", i => $"ssh://git-codecommit.{i.Environment.Region}.{i.Environment.UrlSuffix}/v1/repos/{i.Name}"))
            .Required("RepositoryName").Uuid();
        b.Add("AWS::CodeArtifact::Domain", "DomainName", 50, i => i.Arn("codeartifact", $"domain/{i.Name}"),
            A("Arn", i => i.Arn("codeartifact", $"domain/{i.Name}")), A("Name", i => i.Name), A("Owner", i => i.Environment.AccountId),
            A("EncryptionKey", i => i.Property("EncryptionKey", i.Arn("kms", "alias/aws/codeartifact"))))
            .Required("DomainName").Replace("DomainName", "EncryptionKey").LowerCase();
        b.Add("AWS::CodeArtifact::Repository", "RepositoryName", 100, i => i.Arn("codeartifact", $"repository/{i.Property("DomainName")}/{i.Name}"),
            A("Arn", i => i.Arn("codeartifact", $"repository/{i.Property("DomainName")}/{i.Name}")), A("Name", i => i.Name),
            A("DomainName", i => i.Property("DomainName")), A("DomainOwner", i => i.Property("DomainOwner", i.Environment.AccountId)))
            .Required("DomainName", "RepositoryName").Replace("DomainName", "DomainOwner", "RepositoryName");
        b.Add("AWS::Logs::LogGroup", "LogGroupName", 512, i => i.Name, A("Arn", i => i.Arn("logs", $"log-group:{i.Name}:*")))
            .Replace("LogGroupName");
        b.Add("AWS::Events::Rule", "Name", 64,
            i => i.Property("EventBusName", "default") == "default" ? i.Name : $"{i.Property("EventBusName")}|{i.Name}",
            A("Arn", i => i.Property("EventBusName", "default") == "default"
                ? i.Arn("events", $"rule/{i.Name}")
                : i.Arn("events", $"rule/{i.Property("EventBusName")}/{i.Name}")),
            A("RuleName", i => i.Name))
            .Replace("EventBusName", "Name");
        b.Add("AWS::Lambda::Function", "FunctionName", 64, i => i.Name,
            A("Arn", i => i.Arn("lambda", $"function:{i.Name}")),
            A("SnapStartResponse", _ => new JsonObject { ["ApplyOn"] = "None", ["OptimizationStatus"] = "Off" }))
            .Required("Code", "Role").Replace("FunctionName", "PackageType", "TenancyConfig");
        b.Add("AWS::Lambda::Permission", null, 0, i => $"{i.Property("FunctionName")}|{i.Id}", A("Id", i => i.Id))
            .Required("Action", "FunctionName", "Principal")
            .Replace("Action", "EventSourceToken", "FunctionName", "FunctionUrlAuthType", "InvokedViaFunctionUrl", "Principal", "PrincipalOrgID",
                "SourceAccount", "SourceArn").Id(null, 26, upper: false);
        b.Add("AWS::ResourceGroups::Group", "Name", 128, i => i.Name, A("Arn", i => i.Arn("resource-groups", $"group/{i.Name}")))
            .Required("Name").Replace("Name");

        // ECS, ELBv2, CloudTrail
        b.Add("AWS::ECS::Cluster", "ClusterName", 255, i => i.Name, A("Arn", i => i.Arn("ecs", $"cluster/{i.Name}"))).Replace("ClusterName");
        b.Add("AWS::ECS::TaskDefinition", "Family", 255, i => i.Arn("ecs", $"task-definition/{i.Name}:1"),
            A("TaskDefinitionArn", i => i.Arn("ecs", $"task-definition/{i.Name}:1")))
            .Replace("ContainerDefinitions", "Cpu", "EnableFaultInjection", "EphemeralStorage", "ExecutionRoleArn", "Family", "InferenceAccelerators",
                "IpcMode", "Memory", "NetworkMode", "PidMode", "PlacementConstraints", "ProxyConfiguration", "RequiresCompatibilities",
                "RuntimePlatform", "TaskRoleArn", "Volumes");
        b.Add("AWS::ECS::Service", "ServiceName", 255, i => i.Arn("ecs", $"service/{i.Property("Cluster", "default").Split('/').Last()}/{i.Name}"),
            A("Name", i => i.Name), A("ServiceArn", i => i.Arn("ecs", $"service/{i.Property("Cluster", "default").Split('/').Last()}/{i.Name}")))
            .Replace("Cluster", "DeploymentController", "LaunchType", "Role", "SchedulingStrategy", "ServiceName");
        b.Add("AWS::ElasticLoadBalancingV2::LoadBalancer", "Name", 32, i => i.Arn("elasticloadbalancing", $"loadbalancer/app/{i.Name}/{i.Id}"),
            A("LoadBalancerArn", i => i.Arn("elasticloadbalancing", $"loadbalancer/app/{i.Name}/{i.Id}")),
            A("LoadBalancerFullName", i => $"app/{i.Name}/{i.Id}"), A("LoadBalancerName", i => i.Name),
            A("DNSName", i => $"{i.Name}-{i.Id[..9]}.{i.Environment.Region}.elb.{i.Environment.UrlSuffix}"),
            A("CanonicalHostedZoneID", _ => "Z35SXDOTRQ7X7K"), A("SecurityGroups", i => i.Properties["SecurityGroups"]?.DeepClone() ?? List()))
            .Replace("Name", "Scheme", "Type").Id(null, 16, hex: true);
        b.Add("AWS::ElasticLoadBalancingV2::TargetGroup", "Name", 32, i => i.Arn("elasticloadbalancing", $"targetgroup/{i.Name}/{i.Id}"),
            A("TargetGroupArn", i => i.Arn("elasticloadbalancing", $"targetgroup/{i.Name}/{i.Id}")),
            A("TargetGroupFullName", i => $"targetgroup/{i.Name}/{i.Id}"), A("TargetGroupName", i => i.Name), A("LoadBalancerArns", _ => List()))
            .Replace("IpAddressType", "Name", "Port", "Protocol", "ProtocolVersion", "TargetType", "VpcId").Id(null, 16, hex: true);
        b.Add("AWS::ElasticLoadBalancingV2::Listener", null, 0,
            i => $"{i.Property("LoadBalancerArn").Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal)}/{i.Id}",
            A("ListenerArn", i => $"{i.Property("LoadBalancerArn").Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal)}/{i.Id}"))
            .Required("DefaultActions", "LoadBalancerArn").Replace("LoadBalancerArn").Id(null, 16, hex: true);
        b.Add("AWS::CloudTrail::Trail", "TrailName", 128, i => i.Name,
            A("Arn", i => i.Arn("cloudtrail", $"trail/{i.Name}")),
            A("SnsTopicArn", i => i.Properties.ContainsKey("SnsTopicName") ? i.Arn("sns", i.Property("SnsTopicName")) : string.Empty))
            .Required("IsLogging", "S3BucketName").Replace("TrailName");

        // CloudFormation (nested stacks are run by the orchestrator itself)
        b.Add(NestedStackType, null, 0, i => i.Id,
            A("StackId", i => i.Id), A("ChangeSetId", _ => string.Empty), A("CreationTime", i => Iso(i.CreatedAt)), A("LastUpdateTime", i => Iso(i.CreatedAt)),
            A("Outputs", _ => new JsonArray()), A("ParentId", _ => string.Empty), A("RootId", _ => string.Empty), A("StackStatus", _ => "CREATE_COMPLETE"))
            .Required("TemplateURL");
        return b.Build();
    }

    private static KeyValuePair<string, Func<ResourceIdentity, JsonNode?>> A(string name, Func<ResourceIdentity, string> value) =>
        new(name, i => JsonValue.Create(value(i)));

    private static KeyValuePair<string, Func<ResourceIdentity, JsonNode?>> A(string name, Func<ResourceIdentity, JsonNode?> value) => new(name, value);

    private static JsonArray List(params string[] items) => TemplateValues.ToArray(items);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string ZoneId(ResourceIdentity identity)
    {
        var zone = identity.Property("AvailabilityZone", identity.Environment.Region + "a");
        var letter = zone.Length > 0 ? zone[^1] - 'a' + 1 : 1;
        var parts = identity.Environment.Region.Split('-');
        var prefix = parts.Length == 3 ? $"{parts[0]}{parts[1][0]}{parts[2]}" : identity.Environment.Region;
        return $"{prefix}-az{letter.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string PublicIp(ResourceIdentity identity)
    {
        var hash = (uint)StringComparer.Ordinal.GetHashCode(identity.Id);
        return $"203.0.113.{((hash % 250) + 1).ToString(CultureInfo.InvariantCulture)}";
    }
}
