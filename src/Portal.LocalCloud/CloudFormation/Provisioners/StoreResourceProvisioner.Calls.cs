using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Iam.Policy;

namespace Portal.LocalCloud.CloudFormation.Provisioners;

/// <summary>
/// The API calls CloudFormation's resource handlers make for each catalogued type, as IAM actions on resource ARNs
/// with their condition keys: the primary create, update and delete calls plus the calls a property causes
/// (inline policies, bucket encryption, rule changes, <c>iam:PassRole</c> of a role given to a service). The table is
/// documented in docs/localcloud.md ("Stacks run under their service role").
/// </summary>
public sealed partial class StoreResourceProvisioner
{
    private IEnumerable<ResourceCall> Calls(ResourceRequest request, ResourceOperation operation)
    {
        var p = request.Properties;
        var id = request.PhysicalId ?? string.Empty;
        return request.ResourceType switch
        {
            "AWS::IAM::Role" => RoleCalls(request, operation),
            "AWS::IAM::Policy" => InlinePolicyCalls(request, operation),
            "AWS::IAM::ManagedPolicy" => ManagedPolicyCalls(request, operation),
            "AWS::IAM::InstanceProfile" => Primary(operation, IamArn("instance-profile", p, request.PhysicalId ?? request.NameOrGenerated()), "iam:CreateInstanceProfile", "iam:AddRoleToInstanceProfile", "iam:DeleteInstanceProfile"),
            "AWS::IAM::User" => Primary(operation, IamArn("user", p, request.PhysicalId ?? request.NameOrGenerated()), "iam:CreateUser", "iam:UpdateUser", "iam:DeleteUser"),
            "AWS::IAM::Group" => Primary(operation, IamArn("group", p, request.PhysicalId ?? request.NameOrGenerated()), "iam:CreateGroup", "iam:UpdateGroup", "iam:DeleteGroup"),
            "AWS::S3::Bucket" => BucketCalls(request, operation),
            "AWS::S3::BucketPolicy" => Primary(operation, $"arn:{Partition(request)}:s3:::{Str(p, "Bucket")}", "s3:PutBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"),
            "AWS::KMS::Key" => KeyCalls(request, operation),
            "AWS::KMS::Alias" => AliasCalls(request, operation),
            "AWS::SSM::Parameter" => Primary(operation, SsmArn(request), "ssm:PutParameter", "ssm:PutParameter", "ssm:DeleteParameter"),
            _ when request.ResourceType.StartsWith("AWS::EC2::", StringComparison.Ordinal) => Ec2Calls(request, operation),
            _ when request.ResourceType.StartsWith("AWS::SageMaker::", StringComparison.Ordinal) => SageMakerCalls(request, operation),
            _ when request.ResourceType.StartsWith("AWS::ServiceCatalog::", StringComparison.Ordinal) => ServiceCatalogCalls(request, operation),
            _ => RecordCalls(request, operation, id),
        };
    }

    private static string Partition(ResourceRequest request) => request.Environment.Partition;

    /// <summary>The create, update or delete action on one resource, with the request's tags on create.</summary>
    private static IEnumerable<ResourceCall> Primary(ResourceOperation operation, string resource, string create, string? update, string delete, IReadOnlyCollection<KeyValuePair<string, string>>? tags = null) =>
        operation switch
        {
            ResourceOperation.Create => [ResourceCall.On(create, resource).WithRequestTags(tags ?? [])],
            ResourceOperation.Update => update is null ? [] : [ResourceCall.On(update, resource)],
            _ => [ResourceCall.On(delete, resource)],
        };

    /// <summary>The tags a template gives a resource plus the stack's tags; AWS's own <c>aws:</c> tags are not request tags.</summary>
    private static List<KeyValuePair<string, string>> UserTags(ResourceRequest request, JsonObject? properties = null) =>
        Tags(request with { Properties = properties ?? request.Properties })
            .Where(t => !t.Key.StartsWith("aws:", StringComparison.Ordinal))
            .Select(t => KeyValuePair.Create(t.Key, t.Value))
            .ToList();

    private string IamArn(string kind, JsonObject p, string name) =>
        $"arn:aws:iam::{_accountId}:{kind}{Str(p, "Path") ?? "/"}{name}";

    private string RoleArnByName(string roleName) =>
        Account.Iam.Roles.GetValueOrDefault(roleName.ToLowerInvariant())?.Arn ?? $"arn:aws:iam::{_accountId}:role/{roleName}";

    private string? BoundaryOf(string roleName) => Account.Iam.Roles.GetValueOrDefault(roleName.ToLowerInvariant())?.PermissionsBoundaryArn;

    private static ResourceCall WithBoundary(ResourceCall call, string? boundary) =>
        boundary is null ? call : call.With("iam:PermissionsBoundary", boundary);

    private static ResourceCall PassRole(string roleArn, string service) =>
        ResourceCall.On("iam:PassRole", roleArn).With("iam:PassedToService", service);

    private IEnumerable<ResourceCall> RoleCalls(ResourceRequest request, ResourceOperation operation)
    {
        var p = request.Properties;
        var previous = request.PreviousProperties ?? p;
        var arn = operation == ResourceOperation.Create ? IamArn("role", p, request.NameOrGenerated()) : RoleArnByName(request.PhysicalId!);
        var boundary = Str(operation == ResourceOperation.Delete ? previous : p, "PermissionsBoundary");
        var inline = operation == ResourceOperation.Delete ? [] : PolicyDocuments(p);
        var managed = operation == ResourceOperation.Delete ? [] : Strings(p, "ManagedPolicyArns");
        var oldInline = operation == ResourceOperation.Create ? [] : PolicyDocuments(previous);
        var oldManaged = operation == ResourceOperation.Create ? [] : Strings(previous, "ManagedPolicyArns");
        var calls = new List<ResourceCall>();
        if (operation == ResourceOperation.Create)
        {
            calls.Add(WithBoundary(ResourceCall.On("iam:CreateRole", arn), boundary).WithRequestTags(UserTags(request)));
        }
        else if (operation == ResourceOperation.Update)
        {
            if (Document(p["AssumeRolePolicyDocument"]) != Document(previous["AssumeRolePolicyDocument"]))
            {
                calls.Add(ResourceCall.On("iam:UpdateAssumeRolePolicy", arn));
            }

            if (Str(p, "Description") != Str(previous, "Description") || Str(p, "MaxSessionDuration") != Str(previous, "MaxSessionDuration"))
            {
                calls.Add(ResourceCall.On("iam:UpdateRole", arn));
            }

            if (boundary != Str(previous, "PermissionsBoundary"))
            {
                calls.Add(boundary is null ? ResourceCall.On("iam:DeleteRolePermissionsBoundary", arn) : WithBoundary(ResourceCall.On("iam:PutRolePermissionsBoundary", arn), boundary));
            }

            if (!UserTags(request).OrderBy(t => t.Key).SequenceEqual(UserTags(request, previous).OrderBy(t => t.Key)))
            {
                calls.Add(ResourceCall.On("iam:TagRole", arn).WithRequestTags(UserTags(request)));
            }
        }

        calls.AddRange(inline.Where(d => !oldInline.Contains(d)).Select(d => WithBoundary(ResourceCall.On("iam:PutRolePolicy", arn), boundary)));
        calls.AddRange(oldInline.Where(d => inline.All(n => n.Name != d.Name)).Select(d => WithBoundary(ResourceCall.On("iam:DeleteRolePolicy", arn), boundary)));
        calls.AddRange(managed.Except(oldManaged).Select(m => WithBoundary(ResourceCall.On("iam:AttachRolePolicy", arn), boundary).With("iam:PolicyARN", m)));
        calls.AddRange(oldManaged.Except(managed).Select(m => WithBoundary(ResourceCall.On("iam:DetachRolePolicy", arn), boundary).With("iam:PolicyARN", m)));
        if (operation == ResourceOperation.Delete)
        {
            calls.Add(ResourceCall.On("iam:DeleteRole", arn));
        }

        return calls;
    }

    private static List<(string Name, string Document)> PolicyDocuments(JsonObject p) =>
        p["Policies"] is JsonArray array
            ? array.OfType<JsonObject>().Select(x => (Str(x, "PolicyName") ?? string.Empty, Document(x["PolicyDocument"]) ?? string.Empty)).ToList()
            : [];

    /// <summary>AWS::IAM::Policy: an inline policy put on (or deleted from) each role, user and group it names.</summary>
    private IEnumerable<ResourceCall> InlinePolicyCalls(ResourceRequest request, ResourceOperation operation)
    {
        var p = operation == ResourceOperation.Delete ? request.PreviousProperties ?? request.Properties : request.Properties;
        var verb = operation == ResourceOperation.Delete ? "Delete" : "Put";
        foreach (var role in Strings(p, "Roles"))
        {
            yield return WithBoundary(ResourceCall.On($"iam:{verb}RolePolicy", RoleArnByName(role)), BoundaryOf(role));
        }

        foreach (var user in Strings(p, "Users"))
        {
            yield return ResourceCall.On($"iam:{verb}UserPolicy", $"arn:aws:iam::{_accountId}:user/{user}");
        }

        foreach (var group in Strings(p, "Groups"))
        {
            yield return ResourceCall.On($"iam:{verb}GroupPolicy", $"arn:aws:iam::{_accountId}:group/{group}");
        }
    }

    /// <summary>AWS::IAM::ManagedPolicy: the policy itself, then attachment to each role (with the role's boundary).</summary>
    private IEnumerable<ResourceCall> ManagedPolicyCalls(ResourceRequest request, ResourceOperation operation)
    {
        var p = request.Properties;
        var arn = operation == ResourceOperation.Create ? IamArn("policy", p, request.NameOrGenerated()) : request.PhysicalId!;
        var roles = Strings(p, "Roles");
        var oldRoles = operation == ResourceOperation.Create ? [] : Strings(request.PreviousProperties ?? p, "Roles");
        var calls = new List<ResourceCall>();
        switch (operation)
        {
            case ResourceOperation.Create:
                calls.Add(ResourceCall.On("iam:CreatePolicy", arn));
                break;
            case ResourceOperation.Update when Document(p["PolicyDocument"]) != Document(request.PreviousProperties?["PolicyDocument"]):
                calls.Add(ResourceCall.On("iam:CreatePolicyVersion", arn));
                break;
        }

        var detached = operation == ResourceOperation.Delete ? oldRoles : oldRoles.Except(roles);
        var attached = operation == ResourceOperation.Delete ? [] : roles.Except(oldRoles);
        calls.AddRange(attached.Select(r => WithBoundary(ResourceCall.On("iam:AttachRolePolicy", RoleArnByName(r)), BoundaryOf(r)).With("iam:PolicyARN", arn)));
        calls.AddRange(detached.Select(r => WithBoundary(ResourceCall.On("iam:DetachRolePolicy", RoleArnByName(r)), BoundaryOf(r)).With("iam:PolicyARN", arn)));
        if (operation == ResourceOperation.Delete)
        {
            calls.Add(ResourceCall.On("iam:DeletePolicy", arn));
        }

        return calls;
    }

    private static readonly (string Property, string Action)[] BucketConfigurations =
    [
        ("BucketEncryption", "s3:PutEncryptionConfiguration"),
        ("PublicAccessBlockConfiguration", "s3:PutBucketPublicAccessBlock"),
        ("VersioningConfiguration", "s3:PutBucketVersioning"),
        ("LoggingConfiguration", "s3:PutBucketLogging"),
        ("LifecycleConfiguration", "s3:PutLifecycleConfiguration"),
        ("OwnershipControls", "s3:PutBucketOwnershipControls"),
        ("CorsConfiguration", "s3:PutBucketCORS"),
        ("NotificationConfiguration", "s3:PutBucketNotification"),
        ("Tags", "s3:PutBucketTagging"),
    ];

    private static IEnumerable<ResourceCall> BucketCalls(ResourceRequest request, ResourceOperation operation)
    {
        var name = operation == ResourceOperation.Create ? request.NameOrGenerated() : request.PhysicalId!;
        var arn = $"arn:{Partition(request)}:s3:::{name}";
        if (operation == ResourceOperation.Delete)
        {
            return [ResourceCall.On("s3:DeleteBucket", arn)];
        }

        var p = request.Properties;
        var previous = request.PreviousProperties;
        var calls = operation == ResourceOperation.Create ? [ResourceCall.On("s3:CreateBucket", arn)] : new List<ResourceCall>();
        calls.AddRange(BucketConfigurations
            .Where(c => p[c.Property] is not null && (previous is null || !JsonNode.DeepEquals(p[c.Property], previous[c.Property])))
            .Select(c => ResourceCall.On(c.Action, arn)));
        return calls;
    }

    private string KeyArn(string keyIdOrAlias) =>
        FindKey(keyIdOrAlias)?.Arn ?? $"arn:aws:kms:{_region}:{_accountId}:key/{keyIdOrAlias}";

    private Kms.KmsKey? FindKey(string keyIdOrAlias)
    {
        try
        {
            return Region.Kms.Resolve(keyIdOrAlias);
        }
        catch (Protocols.ServiceException)
        {
            return null;
        }
    }

    private ResourceCall OnKey(string action, string keyIdOrAlias) =>
        ResourceCall.On(action, KeyArn(keyIdOrAlias))
            .WithResourceTags(FindKey(keyIdOrAlias)?.Tags.Select(t => KeyValuePair.Create(t.Key, t.Value)) ?? []);

    private IEnumerable<ResourceCall> KeyCalls(ResourceRequest request, ResourceOperation operation)
    {
        var p = request.Properties;
        var previous = request.PreviousProperties ?? p;
        switch (operation)
        {
            case ResourceOperation.Create:
                yield return ResourceCall.On("kms:CreateKey", "*").WithRequestTags(UserTags(request));
                break;
            case ResourceOperation.Update:
                if (Document(p["KeyPolicy"]) != Document(previous["KeyPolicy"]))
                {
                    yield return OnKey("kms:PutKeyPolicy", request.PhysicalId!);
                }

                if (Str(p, "EnableKeyRotation") != Str(previous, "EnableKeyRotation"))
                {
                    yield return OnKey(Str(p, "EnableKeyRotation") == "true" ? "kms:EnableKeyRotation" : "kms:DisableKeyRotation", request.PhysicalId!);
                }

                if (Str(p, "Description") != Str(previous, "Description"))
                {
                    yield return OnKey("kms:UpdateKeyDescription", request.PhysicalId!);
                }

                if (!UserTags(request).OrderBy(t => t.Key).SequenceEqual(UserTags(request, previous).OrderBy(t => t.Key)))
                {
                    yield return OnKey("kms:TagResource", request.PhysicalId!).WithRequestTags(UserTags(request));
                }

                break;
            default:
                yield return OnKey("kms:ScheduleKeyDeletion", request.PhysicalId!);
                break;
        }
    }

    /// <summary>Alias calls are authorised on the alias and on the key it points to (kms:CreateAlias needs both).</summary>
    private IEnumerable<ResourceCall> AliasCalls(ResourceRequest request, ResourceOperation operation)
    {
        var p = operation == ResourceOperation.Delete ? request.PreviousProperties ?? request.Properties : request.Properties;
        var alias = Str(p, "AliasName") ?? request.PhysicalId ?? string.Empty;
        var aliasArn = $"arn:aws:kms:{_region}:{_accountId}:{alias}";
        var action = operation switch
        {
            ResourceOperation.Create => "kms:CreateAlias",
            ResourceOperation.Update => "kms:UpdateAlias",
            _ => "kms:DeleteAlias",
        };
        var target = Str(p, "TargetKeyId") ?? string.Empty;
        return [ResourceCall.On(action, aliasArn), OnKey(action, target)];
    }

    private string SsmArn(ResourceRequest request)
    {
        var name = request.PhysicalId ?? request.NameOrGenerated();
        return $"arn:aws:ssm:{_region}:{_accountId}:parameter/{name.TrimStart('/')}";
    }

    private IEnumerable<ResourceCall> Ec2Calls(ResourceRequest request, ResourceOperation operation)
    {
        var p = operation == ResourceOperation.Delete ? request.PreviousProperties ?? request.Properties : request.Properties;
        string Arn(string kind, string? id) => $"arn:aws:ec2:{_region}:{_accountId}:{kind}/{id ?? "*"}";
        var created = operation == ResourceOperation.Create ? null : request.PhysicalId;
        var (create, update, delete, resources) = request.ResourceType switch
        {
            "AWS::EC2::VPC" => ("ec2:CreateVpc", "ec2:ModifyVpcAttribute", "ec2:DeleteVpc", new[] { Arn("vpc", created) }),
            "AWS::EC2::Subnet" => ("ec2:CreateSubnet", "ec2:ModifySubnetAttribute", "ec2:DeleteSubnet", [Arn("subnet", created), Arn("vpc", Str(p, "VpcId"))]),
            "AWS::EC2::SecurityGroup" => ("ec2:CreateSecurityGroup", null, "ec2:DeleteSecurityGroup", [Arn("security-group", created), Arn("vpc", Str(p, "VpcId"))]),
            "AWS::EC2::SecurityGroupIngress" => ("ec2:AuthorizeSecurityGroupIngress", "ec2:UpdateSecurityGroupRuleDescriptionsIngress", "ec2:RevokeSecurityGroupIngress", [Arn("security-group", Str(p, "GroupId"))]),
            "AWS::EC2::SecurityGroupEgress" => ("ec2:AuthorizeSecurityGroupEgress", "ec2:UpdateSecurityGroupRuleDescriptionsEgress", "ec2:RevokeSecurityGroupEgress", [Arn("security-group", Str(p, "GroupId"))]),
            "AWS::EC2::VPCEndpoint" => ("ec2:CreateVpcEndpoint", "ec2:ModifyVpcEndpoint", "ec2:DeleteVpcEndpoints", [Arn("vpc-endpoint", created), Arn("vpc", Str(p, "VpcId"))]),
            "AWS::EC2::RouteTable" => ("ec2:CreateRouteTable", null, "ec2:DeleteRouteTable", [Arn("route-table", created), Arn("vpc", Str(p, "VpcId"))]),
            "AWS::EC2::Route" => ("ec2:CreateRoute", "ec2:ReplaceRoute", "ec2:DeleteRoute", [Arn("route-table", Str(p, "RouteTableId"))]),
            "AWS::EC2::SubnetRouteTableAssociation" => ("ec2:AssociateRouteTable", "ec2:ReplaceRouteTableAssociation", "ec2:DisassociateRouteTable", [Arn("route-table", Str(p, "RouteTableId")), Arn("subnet", Str(p, "SubnetId"))]),
            "AWS::EC2::InternetGateway" => ("ec2:CreateInternetGateway", null, "ec2:DeleteInternetGateway", [Arn("internet-gateway", created)]),
            "AWS::EC2::VPCGatewayAttachment" when p.ContainsKey("VpnGatewayId") => ("ec2:AttachVpnGateway", null, "ec2:DetachVpnGateway", [Arn("vpn-gateway", Str(p, "VpnGatewayId")), Arn("vpc", Str(p, "VpcId"))]),
            "AWS::EC2::VPCGatewayAttachment" => ("ec2:AttachInternetGateway", null, "ec2:DetachInternetGateway", [Arn("internet-gateway", Str(p, "InternetGatewayId")), Arn("vpc", Str(p, "VpcId"))]),
            "AWS::EC2::NatGateway" => ("ec2:CreateNatGateway", null, "ec2:DeleteNatGateway", [Arn("natgateway", created), Arn("subnet", Str(p, "SubnetId"))]),
            "AWS::EC2::EIP" => ("ec2:AllocateAddress", null, "ec2:ReleaseAddress", [Arn("elastic-ip", created)]),
            "AWS::EC2::VPCEndpointService" => ("ec2:CreateVpcEndpointServiceConfiguration", "ec2:ModifyVpcEndpointServiceConfiguration", "ec2:DeleteVpcEndpointServiceConfigurations", [Arn("vpc-endpoint-service", created)]),
            _ => (null, null, null, Array.Empty<string>()),
        };
        if (create is null)
        {
            yield break;
        }

        switch (operation)
        {
            case ResourceOperation.Create:
                yield return new ResourceCall(create, resources, new Dictionary<string, ContextValue>()).WithRequestTags(UserTags(request));
                if (p["Tags"] is not null)
                {
                    yield return ResourceCall.On("ec2:CreateTags", resources[0]).With("ec2:CreateAction", create[4..]).WithRequestTags(UserTags(request));
                }

                if (request.ResourceType == "AWS::EC2::SecurityGroup")
                {
                    foreach (var (property, action) in new[] { ("SecurityGroupIngress", "ec2:AuthorizeSecurityGroupIngress"), ("SecurityGroupEgress", "ec2:AuthorizeSecurityGroupEgress") })
                    {
                        if (p[property] is JsonArray { Count: > 0 })
                        {
                            yield return ResourceCall.On(action, resources[0]);
                        }
                    }
                }

                break;
            case ResourceOperation.Update:
                if (request.ResourceType == "AWS::EC2::SecurityGroup")
                {
                    foreach (var (property, grant, revoke) in new[] { ("SecurityGroupIngress", "ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"), ("SecurityGroupEgress", "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupEgress") })
                    {
                        if (!JsonNode.DeepEquals(p[property], request.PreviousProperties?[property]))
                        {
                            yield return ResourceCall.On(grant, resources[0]);
                            yield return ResourceCall.On(revoke, resources[0]);
                        }
                    }
                }
                else if (update is not null)
                {
                    yield return new ResourceCall(update, resources, new Dictionary<string, ContextValue>());
                }

                break;
            default:
                yield return new ResourceCall(delete!, resources, new Dictionary<string, ContextValue>());
                break;
        }
    }

    private IEnumerable<ResourceCall> SageMakerCalls(ResourceRequest request, ResourceOperation operation)
    {
        var p = request.Properties;
        var (kind, nameField) = request.ResourceType switch
        {
            "AWS::SageMaker::NotebookInstance" => ("NotebookInstance", "NotebookInstanceName"),
            "AWS::SageMaker::NotebookInstanceLifecycleConfig" => ("NotebookInstanceLifecycleConfig", "NotebookInstanceLifecycleConfigName"),
            "AWS::SageMaker::CodeRepository" => ("CodeRepository", "CodeRepositoryName"),
            "AWS::SageMaker::Model" => ("Model", "ModelName"),
            "AWS::SageMaker::EndpointConfig" => ("EndpointConfig", "EndpointConfigName"),
            "AWS::SageMaker::Endpoint" => ("Endpoint", "EndpointName"),
            _ => (null, null),
        };
        if (kind is null)
        {
            yield break;
        }

        if (operation == ResourceOperation.Create)
        {
            var name = request.NameOrGenerated();
            if (kind == "CodeRepository")
            {
                yield return ResourceCall.On("sagemaker:CreateCodeRepository", SageMakerArn("code-repository", name)).WithRequestTags(UserTags(request));
                yield break;
            }

            var body = (JsonObject)p.DeepClone();
            body[nameField!] = name;
            body["Tags"] = new JsonArray(UserTags(request).Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());
            yield return ResourceCall.From(SageMakerRequestContext.Map($"Create{kind}", body, Partition(request), _region, _accountId));
            foreach (var role in new[] { Str(p, "RoleArn"), Str(p, "ExecutionRoleArn") }.OfType<string>())
            {
                yield return PassRole(role, "sagemaker.amazonaws.com");
            }

            yield break;
        }

        var arn = request.PhysicalId!;
        if (operation == ResourceOperation.Delete)
        {
            if (kind == "NotebookInstance")
            {
                yield return ResourceCall.On("sagemaker:StopNotebookInstance", arn);
            }

            yield return ResourceCall.On($"sagemaker:Delete{kind}", arn);
            yield break;
        }

        switch (kind)
        {
            case "NotebookInstance":
                yield return ResourceCall.On("sagemaker:UpdateNotebookInstance", arn);
                if (Str(p, "RoleArn") is { } role && role != Str(request.PreviousProperties ?? p, "RoleArn"))
                {
                    yield return PassRole(role, "sagemaker.amazonaws.com");
                }

                break;
            case "NotebookInstanceLifecycleConfig" or "CodeRepository" or "Endpoint":
                yield return ResourceCall.On($"sagemaker:Update{kind}", arn);
                break;
            default:
                yield return ResourceCall.On("sagemaker:AddTags", arn).WithRequestTags(UserTags(request));
                break;
        }
    }

    private string CatalogArn(string kind, string id) => $"arn:aws:catalog:{_region}:{_accountId}:{kind}/{id}";

    private IEnumerable<ResourceCall> ServiceCatalogCalls(ResourceRequest request, ResourceOperation operation)
    {
        var p = operation == ResourceOperation.Delete ? request.PreviousProperties ?? request.Properties : request.Properties;
        var id = operation == ResourceOperation.Create ? "*" : request.PhysicalId!;
        var portfolio = CatalogArn("portfolio", Str(p, "PortfolioId") ?? "*");
        var calls = request.ResourceType switch
        {
            "AWS::ServiceCatalog::Portfolio" => Primary(operation, CatalogArn("portfolio", id), "servicecatalog:CreatePortfolio", "servicecatalog:UpdatePortfolio", "servicecatalog:DeletePortfolio", UserTags(request)),
            "AWS::ServiceCatalog::CloudFormationProduct" => Primary(operation, CatalogArn("product", id), "servicecatalog:CreateProduct", "servicecatalog:UpdateProduct", "servicecatalog:DeleteProduct", UserTags(request)),
            "AWS::ServiceCatalog::PortfolioProductAssociation" => Primary(operation, portfolio, "servicecatalog:AssociateProductWithPortfolio", null, "servicecatalog:DisassociateProductFromPortfolio"),
            "AWS::ServiceCatalog::PortfolioPrincipalAssociation" => Primary(operation, portfolio, "servicecatalog:AssociatePrincipalWithPortfolio", null, "servicecatalog:DisassociatePrincipalFromPortfolio"),
            "AWS::ServiceCatalog::LaunchRoleConstraint" or "AWS::ServiceCatalog::LaunchTemplateConstraint" =>
                Primary(operation, portfolio, "servicecatalog:CreateConstraint", "servicecatalog:UpdateConstraint", "servicecatalog:DeleteConstraint"),
            "AWS::ServiceCatalog::TagOption" => Primary(operation, "*", "servicecatalog:CreateTagOption", "servicecatalog:UpdateTagOption", "servicecatalog:DeleteTagOption"),
            "AWS::ServiceCatalog::TagOptionAssociation" => Primary(operation, "*", "servicecatalog:AssociateTagOptionWithResource", null, "servicecatalog:DisassociateTagOptionFromResource"),
            _ => [],
        };
        foreach (var call in calls)
        {
            yield return call;
        }

        // Creating a LAUNCH constraint passes its role to Service Catalog.
        if (request.ResourceType == "AWS::ServiceCatalog::LaunchRoleConstraint" && operation != ResourceOperation.Delete)
        {
            var launchRole = Str(p, "RoleArn") ?? (Str(p, "LocalRoleName") is { } local ? RoleArnByName(local) : null);
            if (launchRole is not null)
            {
                yield return PassRole(launchRole, "servicecatalog.amazonaws.com");
            }
        }
    }

    /// <summary>The types kept as records: their service's primary call on the ARN AWS documents, plus PassRole of any role they hand to a service.</summary>
    private IEnumerable<ResourceCall> RecordCalls(ResourceRequest request, ResourceOperation operation, string physicalId)
    {
        var p = operation == ResourceOperation.Delete ? request.PreviousProperties ?? request.Properties : request.Properties;
        var name = operation == ResourceOperation.Create ? request.NameOrGenerated() : physicalId;
        var isArn = name.StartsWith("arn:", StringComparison.Ordinal);

        // Physical ids are names for most record types and ARNs for some (task definitions, load balancers, …).
        string Arn(string service, string resource) => isArn ? name : $"arn:aws:{service}:{_region}:{_accountId}:{resource}";
        static string LastSegment(string value) => value[(value.LastIndexOfAny([':', '/']) + 1)..];
        var (create, update, delete, resource) = request.ResourceType switch
        {
            "AWS::CodeCommit::Repository" => ("codecommit:CreateRepository", "codecommit:UpdateRepositoryDescription", "codecommit:DeleteRepository", Arn("codecommit", name)),
            "AWS::CodeArtifact::Domain" => ("codeartifact:CreateDomain", null, "codeartifact:DeleteDomain", Arn("codeartifact", $"domain/{name}")),
            "AWS::CodeArtifact::Repository" => ("codeartifact:CreateRepository", "codeartifact:UpdateRepository", "codeartifact:DeleteRepository", Arn("codeartifact", $"repository/{Str(p, "DomainName")}/{name}")),
            "AWS::Logs::LogGroup" => ("logs:CreateLogGroup", "logs:PutRetentionPolicy", "logs:DeleteLogGroup", Arn("logs", $"log-group:{name}")),
            "AWS::Events::Rule" => ("events:PutRule", "events:PutRule", "events:DeleteRule", Arn("events", $"rule/{name}")),
            "AWS::Lambda::Function" => ("lambda:CreateFunction", "lambda:UpdateFunctionConfiguration", "lambda:DeleteFunction", Arn("lambda", $"function:{name}")),
            "AWS::Lambda::Permission" => ("lambda:AddPermission", null, "lambda:RemovePermission", Str(p, "FunctionName") is { } function && function.StartsWith("arn:", StringComparison.Ordinal)
                ? function
                : $"arn:aws:lambda:{_region}:{_accountId}:function:{Str(p, "FunctionName")}"),
            "AWS::ResourceGroups::Group" => ("resource-groups:CreateGroup", "resource-groups:UpdateGroup", "resource-groups:DeleteGroup", Arn("resource-groups", $"group/{name}")),
            "AWS::ECS::Cluster" => ("ecs:CreateCluster", "ecs:UpdateCluster", "ecs:DeleteCluster", Arn("ecs", $"cluster/{name}")),
            "AWS::ECS::TaskDefinition" => ("ecs:RegisterTaskDefinition", "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition", "*"),
            "AWS::ECS::Service" => ("ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService", Arn("ecs", $"service/{LastSegment(Str(p, "Cluster") ?? "default")}/{name}")),
            "AWS::ElasticLoadBalancingV2::LoadBalancer" => ("elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:DeleteLoadBalancer", Arn("elasticloadbalancing", $"loadbalancer/app/{name}/*")),
            "AWS::ElasticLoadBalancingV2::TargetGroup" => ("elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:DeleteTargetGroup", Arn("elasticloadbalancing", $"targetgroup/{name}/*")),
            "AWS::ElasticLoadBalancingV2::Listener" => ("elasticloadbalancing:CreateListener", "elasticloadbalancing:ModifyListener", "elasticloadbalancing:DeleteListener", isArn ? name : Str(p, "LoadBalancerArn") ?? "*"),
            "AWS::CloudTrail::Trail" => ("cloudtrail:CreateTrail", "cloudtrail:UpdateTrail", "cloudtrail:DeleteTrail", Arn("cloudtrail", $"trail/{name}")),
            _ => (null, null, null, string.Empty),
        };
        if (create is null)
        {
            yield break;
        }

        foreach (var call in Primary(operation, resource, create, update, delete!, UserTags(request)))
        {
            yield return call;
        }

        if (operation == ResourceOperation.Delete)
        {
            yield break;
        }

        List<(string? Role, string Service)> passed = request.ResourceType switch
        {
            "AWS::Lambda::Function" => [(Str(p, "Role"), "lambda.amazonaws.com")],
            "AWS::ECS::TaskDefinition" => [(Str(p, "ExecutionRoleArn"), "ecs-tasks.amazonaws.com"), (Str(p, "TaskRoleArn"), "ecs-tasks.amazonaws.com")],
            "AWS::CloudTrail::Trail" => [(Str(p, "CloudWatchLogsRoleArn"), "cloudtrail.amazonaws.com")],
            "AWS::Events::Rule" => (p["Targets"] as JsonArray ?? []).OfType<JsonObject>().Select(t => (Str(t, "RoleArn"), "events.amazonaws.com")).ToList(),
            _ => new List<(string? Role, string Service)>(),
        };
        foreach (var (role, service) in passed)
        {
            if (role is not null)
            {
                yield return PassRole(role, service);
            }
        }
    }
}
