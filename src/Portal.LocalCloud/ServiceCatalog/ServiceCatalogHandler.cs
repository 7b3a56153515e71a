using System.Text.Json.Nodes;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>Service Catalog in JSON 1.1 (<c>AWS242ServiceCatalogService</c>).</summary>
public sealed class ServiceCatalogHandler : IJsonService
{
    private const string IdPattern = "[a-zA-Z0-9_\\-]*";
    private const string TokenPattern = "[a-zA-Z0-9][a-zA-Z0-9_-]*";
    private static readonly string[] ProductTypes = ["CLOUD_FORMATION_TEMPLATE", "MARKETPLACE", "TERRAFORM_OPEN_SOURCE", "TERRAFORM_CLOUD", "EXTERNAL"];
    private readonly ProvisioningCoordinator _provisioning;

    public ServiceCatalogHandler(ProvisioningCoordinator provisioning)
    {
        _provisioning = provisioning;
    }

    public string TargetPrefix => "AWS242ServiceCatalogService";

    public string SigningName => "servicecatalog";

    public string ValidationErrorCode => "InvalidParametersException";

    public bool IsReadOnly(string operation) =>
        operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal)
        || operation.StartsWith("Search", StringComparison.Ordinal) || operation.StartsWith("Get", StringComparison.Ordinal)
        || operation.StartsWith("Scan", StringComparison.Ordinal);

    public JsonObject Invoke(string operation, JsonInput input, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        input.Enum("AcceptLanguage", "en", "jp", "zh");
        var sc = context.RegionState.ServiceCatalog;
        var scope = new ProvisioningScope(sc, context.Caller, context.AccountId, context.Region, context.Now, context.State);
        switch (operation)
        {
            // ---- portfolios ----
            case "CreatePortfolio":
            {
                var portfolio = sc.CreatePortfolio(
                    context.AccountId,
                    context.Region,
                    input.Required("DisplayName", 1, 100),
                    input.Optional("Description", 0, 2000),
                    input.Required("ProviderName", 1, 50),
                    Tags(input, "Tags"),
                    Token(input, "IdempotencyToken"),
                    context.Now);
                return new JsonObject { ["PortfolioDetail"] = Portfolio(portfolio), ["Tags"] = TagArray(portfolio.Tags) };
            }

            case "ListPortfolios":
                return Paged(input, sc.Portfolios.Values.OrderBy(p => p.CreatedTime).ToList(), 100, "PortfolioDetails", Portfolio);
            case "DescribePortfolio":
            {
                var portfolio = sc.Portfolio(Id(input, "Id"));
                return new JsonObject
                {
                    ["PortfolioDetail"] = Portfolio(portfolio),
                    ["Tags"] = TagArray(portfolio.Tags),
                    ["TagOptions"] = new JsonArray(portfolio.TagOptionIds.Select(sc.TagOption).Select(t => (JsonNode)TagOption(t)).ToArray()),
                    ["Budgets"] = new JsonArray(),
                };
            }

            case "UpdatePortfolio":
            {
                var portfolio = sc.Portfolio(Id(input, "Id"));
                var displayName = input.Optional("DisplayName", 1, 100);
                var description = input.Optional("Description", 0, 2000);
                var provider = input.Optional("ProviderName", 1, 50);
                var add = Tags(input, "AddTags");
                var remove = input.Strings("RemoveTags");
                portfolio.DisplayName = displayName ?? portfolio.DisplayName;
                portfolio.Description = description ?? portfolio.Description;
                portfolio.ProviderName = provider ?? portfolio.ProviderName;
                portfolio.Tags.RemoveAll(t => remove.Contains(t.Key) || add.Any(a => a.Key == t.Key));
                portfolio.Tags.AddRange(add);
                return new JsonObject { ["PortfolioDetail"] = Portfolio(portfolio), ["Tags"] = TagArray(portfolio.Tags) };
            }

            case "DeletePortfolio":
                sc.DeletePortfolio(Id(input, "Id"));
                return [];

            // ---- products ----
            case "CreateProduct":
            {
                var name = input.Required("Name", 1, 8191);
                var owner = input.Required("Owner", 1, 8191);
                var type = input.Required("ProductType");
                if (!ProductTypes.Contains(type))
                {
                    throw input.Invalid("ProductType", $"Member must satisfy enum value set: [{string.Join(", ", ProductTypes)}]", type);
                }

                if (type != "CLOUD_FORMATION_TEMPLATE")
                {
                    throw new ServiceException("InvalidParametersException", $"LocalCloud supports only CLOUD_FORMATION_TEMPLATE products, not {type}.");
                }

                var token = Token(input, "IdempotencyToken");
                var tags = Tags(input, "Tags");
                var parameters = input.Obj("ProvisioningArtifactParameters")
                    ?? throw new ServiceException("InvalidParametersException", "ProvisioningArtifactParameters is required for a CLOUD_FORMATION_TEMPLATE product.");
                var artifact = NewArtifact(new JsonInput(parameters, ValidationErrorCode), context, "v1");
                var product = sc.CreateProduct(
                    context.AccountId,
                    context.Region,
                    new ScProduct
                    {
                        Id = string.Empty,
                        ProductViewId = string.Empty,
                        Arn = string.Empty,
                        Name = name,
                        Owner = owner,
                        Description = input.Optional("Description", 0, 8191),
                        Distributor = input.Optional("Distributor", 0, 8191),
                        SupportDescription = input.Optional("SupportDescription", 0, 8191),
                        SupportEmail = input.Optional("SupportEmail", 0, 254),
                        SupportUrl = input.Optional("SupportUrl", 0, 2083),
                        ProductType = type,
                        CreatedTime = context.Now,
                        Tags = [.. tags],
                    },
                    artifact,
                    token);
                return new JsonObject
                {
                    ["ProductViewDetail"] = ProductDetail(product),
                    ["ProvisioningArtifactDetail"] = ArtifactDetail(product.Artifacts[0]),
                    ["Tags"] = TagArray(product.Tags),
                };
            }

            case "SearchProductsAsAdmin":
            {
                IEnumerable<ScProduct> products = sc.Products.Values;
                if (input.Str("PortfolioId") is { } portfolioId)
                {
                    var portfolio = sc.Portfolio(portfolioId);
                    products = products.Where(p => portfolio.ProductIds.Contains(p.Id));
                }

                return Paged(input, Sort(input, Filter(input, products)).ToList(), 20, "ProductViewDetails", ProductDetail);
            }

            case "DescribeProductAsAdmin":
            {
                var product = sc.ProductByIdOrName(input.Optional("Id", 1, 100, IdPattern), input.Str("Name"));
                return new JsonObject
                {
                    ["ProductViewDetail"] = ProductDetail(product),
                    ["ProvisioningArtifactSummaries"] = new JsonArray(product.Artifacts.Select(a => (JsonNode)new JsonObject
                    {
                        ["Id"] = a.Id,
                        ["Name"] = a.Name,
                        ["Description"] = a.Description,
                        ["CreatedTime"] = AwsTime.Epoch(a.CreatedTime),
                        ["ProvisioningArtifactMetadata"] = new JsonObject(),
                    }).ToArray()),
                    ["Tags"] = TagArray(product.Tags),
                    ["TagOptions"] = new JsonArray(product.TagOptionIds.Select(sc.TagOption).Select(t => (JsonNode)TagOption(t)).ToArray()),
                    ["Budgets"] = new JsonArray(),
                };
            }

            case "UpdateProduct":
            {
                var product = sc.Product(Id(input, "Id"));
                var add = Tags(input, "AddTags");
                var remove = input.Strings("RemoveTags");
                product.Name = input.Optional("Name", 1, 8191) ?? product.Name;
                product.Owner = input.Optional("Owner", 1, 8191) ?? product.Owner;
                product.Description = input.Optional("Description", 0, 8191) ?? product.Description;
                product.Distributor = input.Optional("Distributor", 0, 8191) ?? product.Distributor;
                product.SupportDescription = input.Optional("SupportDescription", 0, 8191) ?? product.SupportDescription;
                product.SupportEmail = input.Optional("SupportEmail", 0, 254) ?? product.SupportEmail;
                product.SupportUrl = input.Optional("SupportUrl", 0, 2083) ?? product.SupportUrl;
                product.Tags.RemoveAll(t => remove.Contains(t.Key) || add.Any(a => a.Key == t.Key));
                product.Tags.AddRange(add);
                return new JsonObject { ["ProductViewDetail"] = ProductDetail(product), ["Tags"] = TagArray(product.Tags) };
            }

            case "DeleteProduct":
                sc.DeleteProduct(Id(input, "Id"));
                return [];

            // ---- versions ----
            case "CreateProvisioningArtifact":
            {
                var productId = Id(input, "ProductId");
                var token = Token(input, "IdempotencyToken");
                var product = sc.Product(productId);
                var parameters = input.Obj("Parameters") ?? throw input.Invalid("Parameters", "Member must not be null", "null");
                var artifact = sc.AddArtifact(productId, NewArtifact(new JsonInput(parameters, ValidationErrorCode), context, $"v{product.Artifacts.Count + 1}"), token);
                return new JsonObject { ["ProvisioningArtifactDetail"] = ArtifactDetail(artifact), ["Info"] = Info(artifact), ["Status"] = "AVAILABLE" };
            }

            case "ListProvisioningArtifacts":
                return new JsonObject
                {
                    ["ProvisioningArtifactDetails"] = new JsonArray(sc.Product(Id(input, "ProductId")).Artifacts.Select(a => (JsonNode)ArtifactDetail(a)).ToArray()),
                };
            case "DescribeProvisioningArtifact":
            {
                var product = sc.ProductByIdOrName(input.Optional("ProductId", 1, 100, IdPattern), input.Str("ProductName"));
                var artifact = sc.Artifact(product, input.Optional("ProvisioningArtifactId", 1, 100, IdPattern), input.Str("ProvisioningArtifactName"));
                var info = Info(artifact);
                if (input.Bool("Verbose") == true)
                {
                    info["TemplateBody"] = artifact.TemplateBody;
                }

                return new JsonObject { ["ProvisioningArtifactDetail"] = ArtifactDetail(artifact), ["Info"] = info, ["Status"] = "AVAILABLE" };
            }

            case "UpdateProvisioningArtifact":
            {
                var product = sc.Product(Id(input, "ProductId"));
                var artifact = sc.Artifact(product, Id(input, "ProvisioningArtifactId"), null);
                var name = input.Optional("Name", 0, 8192);
                var description = input.Optional("Description", 0, 8192);
                var active = input.Bool("Active");
                var guidance = input.Enum("Guidance", "DEFAULT", "DEPRECATED");
                artifact.Name = name ?? artifact.Name;
                artifact.Description = description ?? artifact.Description;
                artifact.Active = active ?? artifact.Active;
                artifact.Guidance = guidance ?? artifact.Guidance;
                return new JsonObject { ["ProvisioningArtifactDetail"] = ArtifactDetail(artifact), ["Info"] = Info(artifact), ["Status"] = "AVAILABLE" };
            }

            case "DeleteProvisioningArtifact":
                sc.DeleteArtifact(Id(input, "ProductId"), Id(input, "ProvisioningArtifactId"));
                return [];
            case "AssociateProductWithPortfolio":
                sc.AssociateProduct(Id(input, "ProductId"), Id(input, "PortfolioId"));
                return [];
            case "DisassociateProductFromPortfolio":
                sc.DisassociateProduct(Id(input, "ProductId"), Id(input, "PortfolioId"));
                return [];
            case "ListPortfoliosForProduct":
            {
                var productId = Id(input, "ProductId");
                sc.Product(productId);
                return Paged(input, sc.Portfolios.Values.Where(p => p.ProductIds.Contains(productId)).OrderBy(p => p.CreatedTime).ToList(), 100, "PortfolioDetails", Portfolio);
            }

            // ---- constraints and principals ----
            case "CreateConstraint":
            {
                var constraint = sc.CreateConstraint(
                    context.AccountId,
                    Id(input, "PortfolioId"),
                    Id(input, "ProductId"),
                    input.Required("Type", 1, 1024),
                    input.Required("Parameters"),
                    input.Optional("Description", 0, 2000),
                    Token(input, "IdempotencyToken"));
                return new JsonObject { ["ConstraintDetail"] = Constraint(constraint), ["ConstraintParameters"] = constraint.Parameters, ["Status"] = "AVAILABLE" };
            }

            case "DescribeConstraint":
            {
                var constraint = sc.Constraint(Id(input, "Id"));
                return new JsonObject { ["ConstraintDetail"] = Constraint(constraint), ["ConstraintParameters"] = constraint.Parameters, ["Status"] = "AVAILABLE" };
            }

            case "UpdateConstraint":
            {
                var constraint = sc.Constraint(Id(input, "Id"));
                constraint.Description = input.Optional("Description", 0, 2000) ?? constraint.Description;
                return new JsonObject { ["ConstraintDetail"] = Constraint(constraint), ["ConstraintParameters"] = constraint.Parameters, ["Status"] = "AVAILABLE" };
            }

            case "DeleteConstraint":
                sc.Constraint(Id(input, "Id"));
                sc.Constraints.Remove(Id(input, "Id"));
                return [];
            case "ListConstraintsForPortfolio":
            {
                var portfolioId = Id(input, "PortfolioId");
                sc.Portfolio(portfolioId);
                var productId = input.Optional("ProductId", 1, 100, IdPattern);
                return Paged(input, sc.Constraints.Values.Where(c => c.PortfolioId == portfolioId && (productId is null || c.ProductId == productId)).ToList(), 20, "ConstraintDetails", Constraint);
            }

            case "AssociatePrincipalWithPortfolio":
                sc.AssociatePrincipal(Id(input, "PortfolioId"), input.Required("PrincipalARN", 1, 1000), input.Enum("PrincipalType", "IAM", "IAM_PATTERN") ?? throw input.Invalid("PrincipalType", "Member must not be null", "null"));
                return [];
            case "DisassociatePrincipalFromPortfolio":
                input.Enum("PrincipalType", "IAM", "IAM_PATTERN");
                sc.DisassociatePrincipal(Id(input, "PortfolioId"), input.Required("PrincipalARN", 1, 1000));
                return [];
            case "ListPrincipalsForPortfolio":
                return Paged(input, sc.Portfolio(Id(input, "PortfolioId")).Principals, 20, "Principals", p => new JsonObject { ["PrincipalARN"] = p.PrincipalArn, ["PrincipalType"] = p.PrincipalType });

            // ---- tag options ----
            case "CreateTagOption":
                return new JsonObject { ["TagOptionDetail"] = TagOption(sc.CreateTagOption(context.AccountId, input.Required("Key", 1, 128), input.Required("Value", 1, 256))) };
            case "DescribeTagOption":
                return new JsonObject { ["TagOptionDetail"] = TagOption(sc.TagOption(input.Required("Id", 1, 100))) };
            case "DeleteTagOption":
                sc.DeleteTagOption(input.Required("Id", 1, 100));
                return [];
            case "UpdateTagOption":
            {
                var option = sc.TagOption(input.Required("Id", 1, 100));
                option.Active = input.Bool("Active") ?? option.Active;
                return new JsonObject { ["TagOptionDetail"] = TagOption(option) };
            }

            case "ListTagOptions":
            {
                var filters = input.Obj("Filters");
                var key = filters?["Key"]?.GetValue<string>();
                var value = filters?["Value"]?.GetValue<string>();
                var active = filters?["Active"]?.GetValue<bool>();
                var options = sc.TagOptions.Values.Where(t => (key is null || t.Key == key) && (value is null || t.Value == value) && (active is null || t.Active == active)).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
                var (page, next) = Paging.Page(options, input.Str("PageToken"), PageSize(input, 20), "InvalidParametersException");
                return new JsonObject { ["TagOptionDetails"] = new JsonArray(page.Select(t => (JsonNode)TagOption(t)).ToArray()), ["PageToken"] = next };
            }

            case "AssociateTagOptionWithResource":
                sc.AssociateTagOption(input.Required("ResourceId"), input.Required("TagOptionId", 1, 100), associate: true);
                return [];
            case "DisassociateTagOptionFromResource":
                sc.AssociateTagOption(input.Required("ResourceId"), input.Required("TagOptionId", 1, 100), associate: false);
                return [];

            // ---- end user ----
            case "SearchProducts":
            {
                var products = Sort(input, Filter(input, sc.ProductsVisibleTo(context.Caller))).ToList();
                return Paged(input, products, 100, "ProductViewSummaries", p => ProductSummary(p, sc.LaunchPaths(context.Caller, p.Id).Count == 1));
            }

            case "DescribeProduct":
            case "DescribeProductView":
            {
                var product = operation == "DescribeProductView"
                    ? sc.ProductsVisibleTo(context.Caller).FirstOrDefault(p => p.ProductViewId == Id(input, "Id")) ?? throw new ServiceException("ResourceNotFoundException", $"Product view {Id(input, "Id")} not found.")
                    : sc.VisibleProduct(context.Caller, input.Optional("Id", 1, 100, IdPattern), input.Str("Name"));
                var paths = sc.LaunchPaths(context.Caller, product.Id);
                var output = new JsonObject
                {
                    ["ProductViewSummary"] = ProductSummary(product, paths.Count == 1),
                    ["ProvisioningArtifacts"] = new JsonArray(product.Artifacts.Where(a => a.Active).Select(a => (JsonNode)new JsonObject
                    {
                        ["Id"] = a.Id,
                        ["Name"] = a.Name,
                        ["Description"] = a.Description,
                        ["CreatedTime"] = AwsTime.Epoch(a.CreatedTime),
                        ["Guidance"] = a.Guidance,
                    }).ToArray()),
                };
                if (operation == "DescribeProduct")
                {
                    output["Budgets"] = new JsonArray();
                    output["LaunchPaths"] = new JsonArray(paths.Select(p => (JsonNode)new JsonObject { ["Id"] = p.LaunchPathId, ["Name"] = p.DisplayName }).ToArray());
                }

                return output;
            }

            case "ListLaunchPaths":
            {
                var product = sc.VisibleProduct(context.Caller, Id(input, "ProductId"), null);
                return Paged(input, sc.LaunchPaths(context.Caller, product.Id), 20, "LaunchPathSummaries", p => new JsonObject
                {
                    ["Id"] = p.LaunchPathId,
                    ["Name"] = p.DisplayName,
                    ["ConstraintSummaries"] = ConstraintSummaries(sc.ConstraintsOn(p.Id, product.Id)),
                    ["Tags"] = TagArray(p.Tags),
                });
            }

            case "DescribeProvisioningParameters":
            {
                var product = sc.VisibleProduct(context.Caller, input.Optional("ProductId", 1, 100, IdPattern), input.Str("ProductName"));
                var artifact = sc.Artifact(product, input.Optional("ProvisioningArtifactId", 1, 100, IdPattern), input.Str("ProvisioningArtifactName"));
                var path = sc.ResolvePath(context.Caller, product.Id, input.Optional("PathId", 1, 100, IdPattern), input.Str("PathName"));
                var parameters = sc.EffectiveParameters(artifact, path.Id, product.Id);
                var summary = TemplateSummary.Parse(artifact.TemplateBody);
                var tagOptions = path.TagOptionIds.Concat(product.TagOptionIds).Distinct().Select(sc.TagOption).Where(t => t.Active)
                    .GroupBy(t => t.Key).Select(g => (JsonNode)new JsonObject { ["Key"] = g.Key, ["Values"] = new JsonArray(g.Select(t => (JsonNode)t.Value).ToArray()) }).ToArray();
                var outputs = summary.Outputs.Select(o => (JsonNode)new JsonObject { ["Key"] = o.Key, ["Description"] = o.Description }).ToArray();
                return new JsonObject
                {
                    ["ProvisioningArtifactParameters"] = new JsonArray(parameters.Select(p => (JsonNode)Parameter(p)).ToArray()),
                    ["ConstraintSummaries"] = ConstraintSummaries(sc.ConstraintsOn(path.Id, product.Id)),
                    ["UsageInstructions"] = new JsonArray(
                        new JsonObject { ["Type"] = "rules", ["Value"] = "{}" },
                        new JsonObject { ["Type"] = "version", ["Value"] = "2010-09-09" }),
                    ["TagOptions"] = new JsonArray(tagOptions),
                    ["ProvisioningArtifactPreferences"] = new JsonObject(),
                    ["ProvisioningArtifactOutputs"] = new JsonArray(outputs.Select(o => o!.DeepClone()).ToArray()),
                    ["ProvisioningArtifactOutputKeys"] = new JsonArray(outputs),
                };
            }

            case "ProvisionProduct":
            {
                var record = _provisioning.Provision(scope, new ProvisionArguments(
                    input.Optional("ProductId", 1, 100, IdPattern),
                    input.Str("ProductName"),
                    input.Optional("ProvisioningArtifactId", 1, 100, IdPattern),
                    input.Str("ProvisioningArtifactName"),
                    input.Optional("PathId", 1, 100, IdPattern),
                    input.Str("PathName"),
                    input.Required("ProvisionedProductName", 1, 128, "[a-zA-Z0-9][a-zA-Z0-9._-]*"),
                    ProvisioningParameters(input),
                    Tags(input, "Tags"),
                    Token(input, "ProvisionToken")));
                return new JsonObject { ["RecordDetail"] = Record(record) };
            }

            case "UpdateProvisionedProduct":
            {
                var parameters = new Dictionary<string, (string? Value, bool UsePrevious)>(StringComparer.Ordinal);
                foreach (var node in input.Array("ProvisioningParameters"))
                {
                    var key = node?["Key"]?.GetValue<string>() ?? throw input.Invalid("ProvisioningParameters.member.Key", "Member must not be null", "null");
                    parameters[key] = (node?["Value"]?.GetValue<string>(), node?["UsePreviousValue"]?.GetValue<bool>() ?? false);
                }

                var record = _provisioning.Update(scope, new UpdateArguments(
                    input.Optional("ProvisionedProductId", 1, 100, IdPattern),
                    input.Optional("ProvisionedProductName", 1, 1224),
                    input.Optional("ProductId", 1, 100, IdPattern),
                    input.Str("ProductName"),
                    input.Optional("ProvisioningArtifactId", 1, 100, IdPattern),
                    input.Str("ProvisioningArtifactName"),
                    input.Optional("PathId", 1, 100, IdPattern),
                    input.Str("PathName"),
                    parameters,
                    Tags(input, "Tags"),
                    Token(input, "UpdateToken")));
                return new JsonObject { ["RecordDetail"] = Record(record) };
            }

            case "TerminateProvisionedProduct":
            {
                var record = _provisioning.Terminate(
                    scope,
                    input.Optional("ProvisionedProductId", 1, 100, IdPattern),
                    input.Optional("ProvisionedProductName", 1, 1224),
                    Token(input, "TerminateToken"),
                    input.Bool("IgnoreErrors") ?? false,
                    input.Bool("RetainPhysicalResources") ?? false);
                return new JsonObject { ["RecordDetail"] = Record(record) };
            }

            // ---- records and provisioned products ----
            case "DescribeRecord":
            {
                var record = sc.Record(Id(input, "Id"));
                if (_provisioning.Settle(scope, record))
                {
                    context.MarkChanged();
                }

                var (page, next) = Paging.Page(record.Outputs, input.Str("PageToken"), PageSize(input, 20), "InvalidParametersException");
                return new JsonObject
                {
                    ["RecordDetail"] = Record(record),
                    ["RecordOutputs"] = new JsonArray(page.Select(o => (JsonNode)Output(o)).ToArray()),
                    ["NextPageToken"] = next,
                };
            }

            case "ListRecordHistory":
            {
                var records = Visible(sc.Records.Values, r => r.UserArn, r => r.RoleArn, input, context).ToList();
                SettleAll(scope, records, context);
                if (input.Obj("SearchFilter") is { } filter)
                {
                    var key = filter["Key"]?.GetValue<string>();
                    var value = filter["Value"]?.GetValue<string>();
                    records = key switch
                    {
                        "product" => records.Where(r => r.ProductId == value).ToList(),
                        "provisionedproduct" => records.Where(r => r.ProvisionedProductId == value).ToList(),
                        _ => records,
                    };
                }

                return Paged(input, records.OrderByDescending(r => r.CreatedTime).ToList(), 20, "RecordDetails", Record);
            }

            case "SearchProvisionedProducts":
            {
                var all = Visible(sc.ProvisionedProducts.Values.Where(p => !p.Terminated), p => p.UserArn, p => p.RoleArn, input, context).ToList();
                foreach (var pp in all)
                {
                    if (_provisioning.Settle(scope, pp))
                    {
                        context.MarkChanged();
                    }
                }

                all = all.Where(p => !p.Terminated).ToList();
                foreach (var query in input.Obj("Filters")?["SearchQuery"]?.AsArray().Select(n => n?.GetValue<string>() ?? string.Empty) ?? [])
                {
                    all = all.Where(p => MatchesQuery(p, query, sc)).ToList();
                }

                var sortBy = input.Str("SortBy") ?? "createdTime";
                IEnumerable<ScProvisionedProduct> sorted = sortBy switch
                {
                    "name" => all.OrderBy(p => p.Name, StringComparer.Ordinal),
                    "status" => all.OrderBy(p => p.Status, StringComparer.Ordinal),
                    _ => all.OrderBy(p => p.CreatedTime),
                };
                if (input.Enum("SortOrder", "ASCENDING", "DESCENDING") == "DESCENDING")
                {
                    sorted = sorted.Reverse();
                }

                var output = Paged(input, sorted.ToList(), 100, "ProvisionedProducts", p => Attribute(p, sc));
                output["TotalResultsCount"] = all.Count;
                return output;
            }

            case "ScanProvisionedProducts":
            {
                var all = Visible(sc.ProvisionedProducts.Values.Where(p => !p.Terminated), p => p.UserArn, p => p.RoleArn, input, context).ToList();
                foreach (var pp in all)
                {
                    if (_provisioning.Settle(scope, pp))
                    {
                        context.MarkChanged();
                    }
                }

                return Paged(input, all.Where(p => !p.Terminated).OrderBy(p => p.CreatedTime).ToList(), 20, "ProvisionedProducts", ProvisionedDetail);
            }

            case "DescribeProvisionedProduct":
            {
                var pp = sc.ProvisionedProduct(input.Optional("Id", 1, 100, IdPattern), input.Optional("Name", 1, 128));
                if (_provisioning.Settle(scope, pp))
                {
                    context.MarkChanged();
                }

                return new JsonObject { ["ProvisionedProductDetail"] = ProvisionedDetail(pp), ["CloudWatchDashboards"] = new JsonArray() };
            }

            case "GetProvisionedProductOutputs":
            {
                var pp = sc.ProvisionedProduct(input.Optional("ProvisionedProductId", 1, 100, IdPattern), input.Optional("ProvisionedProductName", 1, 128));
                if (_provisioning.Settle(scope, pp))
                {
                    context.MarkChanged();
                }

                var keys = input.Strings("OutputKeys");
                var outputs = pp.Outputs.Where(o => keys.Count == 0 || keys.Contains(o.OutputKey)).ToList();
                return Paged(input, outputs, 20, "Outputs", Output);
            }

            default:
                throw new ServiceException("UnknownOperationException", $"LocalCloud does not implement Service Catalog operation {operation}.");
        }
    }

    private void SettleAll(ProvisioningScope scope, IEnumerable<ScRecord> records, RequestContext context)
    {
        foreach (var record in records)
        {
            if (_provisioning.Settle(scope, record))
            {
                context.MarkChanged();
            }
        }
    }

    private static ScArtifact NewArtifact(JsonInput parameters, RequestContext context, string defaultName)
    {
        var type = parameters.Enum("Type", "CLOUD_FORMATION_TEMPLATE", "MARKETPLACE_AMI", "MARKETPLACE_CAR") ?? "CLOUD_FORMATION_TEMPLATE";
        if (type != "CLOUD_FORMATION_TEMPLATE")
        {
            throw new ServiceException("InvalidParametersException", $"LocalCloud supports only CLOUD_FORMATION_TEMPLATE provisioning artifacts, not {type}.");
        }

        var info = parameters.Obj("Info") ?? throw new ServiceException("InvalidParametersException", "Info is required: {\"LoadTemplateFromURL\": \"https://…\"}.");
        string body;
        string? url = null;
        if (info["LoadTemplateFromURL"]?.GetValue<string>() is { } templateUrl)
        {
            url = templateUrl;
            body = TemplateLoader.Load(templateUrl, context.State.S3);
        }
        else if (info["ImportFromPhysicalId"] is not null)
        {
            throw new ServiceException("InvalidParametersException", "LocalCloud does not support ImportFromPhysicalId.");
        }
        else
        {
            throw new ServiceException("InvalidParametersException", "Info must contain LoadTemplateFromURL.");
        }

        if (parameters.Bool("DisableTemplateValidation") != true)
        {
            TemplateSummary.Parse(body);
        }

        return new ScArtifact
        {
            Id = IdGenerator.Lowercase("pa-", 13),
            Name = parameters.Optional("Name", 0, 8192) ?? defaultName,
            Description = parameters.Optional("Description", 0, 8192),
            Type = type,
            CreatedTime = context.Now,
            TemplateUrl = url,
            TemplateBody = body,
        };
    }

    private static IEnumerable<T> Visible<T>(IEnumerable<T> items, Func<T, string> userArn, Func<T, string?> roleArn, JsonInput input, RequestContext context)
    {
        var filter = input.Obj("AccessLevelFilter");
        var key = filter?["Key"]?.GetValue<string>() ?? "User";
        var value = filter?["Value"]?.GetValue<string>() ?? "self";
        if (key is not ("Account" or "Role" or "User"))
        {
            throw input.Invalid("AccessLevelFilter.Key", "Member must satisfy enum value set: [Account, Role, User]", key);
        }

        return key switch
        {
            "Account" => items,
            "Role" => items.Where(i => context.Caller.RoleArn is not null ? roleArn(i) == context.Caller.RoleArn : userArn(i) == context.Caller.Arn),
            _ => items.Where(i => userArn(i) == (value == "self" ? context.Caller.Arn : value)),
        };
    }

    private static bool MatchesQuery(ScProvisionedProduct pp, string query, ServiceCatalogStore sc)
    {
        var colon = query.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return pp.Name.Contains(query, StringComparison.OrdinalIgnoreCase);
        }

        var field = query[..colon];
        var value = query[(colon + 1)..];
        return field switch
        {
            "status" => pp.Status == value,
            "name" => pp.Name == value,
            "id" => pp.Id == value,
            "arn" => pp.Arn == value,
            "type" => pp.Type == value,
            "productId" => pp.ProductId == value,
            "productName" => sc.Products.TryGetValue(pp.ProductId, out var p) && p.Name == value,
            "provisioningArtifactId" => pp.ProvisioningArtifactId == value,
            "userArn" or "userArnSession" => pp.UserArn == value,
            "lastRecordId" => pp.LastRecordId == value,
            "createdTime" or "idempotencyToken" => true,
            _ when field.StartsWith("tags.", StringComparison.Ordinal) => pp.Tags.Any(t => t.Key == field[5..] && t.Value == value),
            _ => pp.Name.Contains(query, StringComparison.OrdinalIgnoreCase),
        };
    }

    private static IEnumerable<ScProduct> Filter(JsonInput input, IEnumerable<ScProduct> products)
    {
        var filters = input.Obj("Filters");
        if (filters is null)
        {
            return products;
        }

        foreach (var (name, values) in filters)
        {
            var terms = values?.AsArray().Select(v => v?.GetValue<string>() ?? string.Empty).ToList() ?? [];
            products = name switch
            {
                "FullTextSearch" => products.Where(p => terms.Any(t => p.Name.Contains(t, StringComparison.OrdinalIgnoreCase) || p.Owner.Contains(t, StringComparison.OrdinalIgnoreCase) || (p.Description?.Contains(t, StringComparison.OrdinalIgnoreCase) ?? false))),
                "Owner" => products.Where(p => terms.Contains(p.Owner)),
                "ProductType" => products.Where(p => terms.Contains(p.ProductType)),
                "SourceProductId" => products.Where(p => terms.Contains(p.Id)),
                _ => throw input.Invalid("Filters", "Member must satisfy enum value set: [FullTextSearch, Owner, ProductType, SourceProductId]", name),
            };
        }

        return products;
    }

    private static IEnumerable<ScProduct> Sort(JsonInput input, IEnumerable<ScProduct> products)
    {
        var sortBy = input.Enum("SortBy", "Title", "VersionCount", "CreationDate");
        var descending = input.Enum("SortOrder", "ASCENDING", "DESCENDING") == "DESCENDING";
        var sorted = sortBy switch
        {
            "Title" => products.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase),
            "VersionCount" => products.OrderBy(p => p.Artifacts.Count),
            _ => products.OrderBy(p => p.CreatedTime),
        };
        return descending ? sorted.Reverse() : sorted;
    }

    private static JsonObject Paged<T>(JsonInput input, IReadOnlyList<T> items, int maxPageSize, string listName, Func<T, JsonObject> render)
    {
        var (page, next) = Paging.Page(items, input.Str("PageToken"), PageSize(input, maxPageSize), "InvalidParametersException");
        var output = new JsonObject { [listName] = new JsonArray(page.Select(i => (JsonNode)render(i)).ToArray()) };
        if (next is not null)
        {
            output["NextPageToken"] = next;
        }

        return output;
    }

    private static int PageSize(JsonInput input, int max)
    {
        var size = input.Int("PageSize", 0, max) ?? 0;
        return size == 0 ? Math.Min(20, max) : size;
    }

    private static string Id(JsonInput input, string name) => input.Required(name, 1, 100, IdPattern);

    private static string Token(JsonInput input, string name) => input.Required(name, 1, 128, TokenPattern);

    private static Dictionary<string, string> ProvisioningParameters(JsonInput input)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in input.Array("ProvisioningParameters"))
        {
            var key = node?["Key"]?.GetValue<string>() ?? throw input.Invalid("ProvisioningParameters.member.Key", "Member must not be null", "null");
            if (key.Length is < 1 or > 1000)
            {
                throw input.Invalid("ProvisioningParameters.member.Key", "Member must have length between 1 and 1000", key);
            }

            result[key] = node?["Value"]?.GetValue<string>() ?? string.Empty;
        }

        return result;
    }

    private static List<Tag> Tags(JsonInput input, string name) => input.Tags(name).Select(t => new Tag(t.Key, t.Value)).ToList();

    private static JsonArray TagArray(IEnumerable<Tag> tags) =>
        new(tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());

    private static JsonObject Portfolio(ScPortfolio p) => new()
    {
        ["Id"] = p.Id,
        ["ARN"] = p.Arn,
        ["DisplayName"] = p.DisplayName,
        ["Description"] = p.Description,
        ["CreatedTime"] = AwsTime.Epoch(p.CreatedTime),
        ["ProviderName"] = p.ProviderName,
    };

    private static JsonObject ProductSummary(ScProduct p, bool hasDefaultPath) => new()
    {
        ["Id"] = p.ProductViewId,
        ["ProductId"] = p.Id,
        ["Name"] = p.Name,
        ["Owner"] = p.Owner,
        ["ShortDescription"] = p.Description,
        ["Type"] = p.ProductType,
        ["Distributor"] = p.Distributor,
        ["HasDefaultPath"] = hasDefaultPath,
        ["SupportEmail"] = p.SupportEmail,
        ["SupportDescription"] = p.SupportDescription,
        ["SupportUrl"] = p.SupportUrl,
    };

    private static JsonObject ProductDetail(ScProduct p) => new()
    {
        ["ProductViewSummary"] = ProductSummary(p, false),
        ["Status"] = "AVAILABLE",
        ["ProductARN"] = p.Arn,
        ["CreatedTime"] = AwsTime.Epoch(p.CreatedTime),
    };

    private static JsonObject ArtifactDetail(ScArtifact a) => new()
    {
        ["Id"] = a.Id,
        ["Name"] = a.Name,
        ["Description"] = a.Description,
        ["Type"] = a.Type,
        ["CreatedTime"] = AwsTime.Epoch(a.CreatedTime),
        ["Active"] = a.Active,
        ["Guidance"] = a.Guidance,
    };

    private static JsonObject Info(ScArtifact a) =>
        a.TemplateUrl is null ? [] : new JsonObject { ["TemplateUrl"] = a.TemplateUrl };

    private static JsonObject Constraint(ScConstraint c) => new()
    {
        ["ConstraintId"] = c.Id,
        ["Type"] = c.Type,
        ["Description"] = c.Description,
        ["Owner"] = c.Owner,
        ["ProductId"] = c.ProductId,
        ["PortfolioId"] = c.PortfolioId,
    };

    private static JsonArray ConstraintSummaries(IEnumerable<ScConstraint> constraints) =>
        new(constraints.Select(c => (JsonNode)new JsonObject { ["Type"] = c.Type, ["Description"] = c.Description }).ToArray());

    private static JsonObject TagOption(ScTagOption t) => new()
    {
        ["Key"] = t.Key,
        ["Value"] = t.Value,
        ["Active"] = t.Active,
        ["Id"] = t.Id,
        ["Owner"] = t.Owner,
    };

    private static JsonObject Parameter(TemplateParameter p)
    {
        var constraints = new JsonObject
        {
            ["AllowedValues"] = new JsonArray((p.AllowedValues ?? []).Select(v => (JsonNode)v).ToArray()),
        };
        void Set(string name, string? value)
        {
            if (value is not null)
            {
                constraints[name] = value;
            }
        }

        Set("AllowedPattern", p.AllowedPattern);
        Set("ConstraintDescription", p.ConstraintDescription);
        Set("MaxLength", p.MaxLength);
        Set("MinLength", p.MinLength);
        Set("MaxValue", p.MaxValue);
        Set("MinValue", p.MinValue);
        return new JsonObject
        {
            ["ParameterKey"] = p.Key,
            ["DefaultValue"] = p.Default,
            ["ParameterType"] = p.Type,
            ["IsNoEcho"] = p.NoEcho,
            ["Description"] = p.Description,
            ["ParameterConstraints"] = constraints,
        };
    }

    private static JsonObject Record(ScRecord r) => new()
    {
        ["RecordId"] = r.Id,
        ["ProvisionedProductName"] = r.ProvisionedProductName,
        ["Status"] = r.Status,
        ["CreatedTime"] = AwsTime.Epoch(r.CreatedTime),
        ["UpdatedTime"] = AwsTime.Epoch(r.UpdatedTime),
        ["ProvisionedProductType"] = "CFN_STACK",
        ["RecordType"] = r.RecordType,
        ["ProvisionedProductId"] = r.ProvisionedProductId,
        ["ProductId"] = r.ProductId,
        ["ProvisioningArtifactId"] = r.ProvisioningArtifactId,
        ["PathId"] = r.PathId,
        ["RecordErrors"] = new JsonArray(r.Errors.Select(e => (JsonNode)new JsonObject { ["Code"] = e.Code, ["Description"] = e.Description }).ToArray()),
        ["RecordTags"] = TagArray(r.Tags),
        ["LaunchRoleArn"] = r.LaunchRoleArn,
    };

    private static JsonObject Output(ScOutput o) => new()
    {
        ["OutputKey"] = o.OutputKey,
        ["OutputValue"] = o.OutputValue,
        ["Description"] = o.Description,
    };

    private static JsonObject Attribute(ScProvisionedProduct p, ServiceCatalogStore sc)
    {
        var product = sc.Products.GetValueOrDefault(p.ProductId);
        return new JsonObject
        {
            ["Name"] = p.Name,
            ["Arn"] = p.Arn,
            ["Type"] = p.Type,
            ["Id"] = p.Id,
            ["Status"] = p.Status,
            ["StatusMessage"] = p.StatusMessage,
            ["CreatedTime"] = AwsTime.Epoch(p.CreatedTime),
            ["IdempotencyToken"] = p.IdempotencyToken,
            ["LastRecordId"] = p.LastRecordId,
            ["LastProvisioningRecordId"] = p.LastProvisioningRecordId,
            ["LastSuccessfulProvisioningRecordId"] = p.LastSuccessfulProvisioningRecordId,
            ["Tags"] = TagArray(p.Tags),
            ["PhysicalId"] = p.PhysicalId,
            ["ProductId"] = p.ProductId,
            ["ProductName"] = product?.Name,
            ["ProvisioningArtifactId"] = p.ProvisioningArtifactId,
            ["ProvisioningArtifactName"] = product?.Artifacts.FirstOrDefault(a => a.Id == p.ProvisioningArtifactId)?.Name,
            ["UserArn"] = p.UserArn,
            ["UserArnSession"] = p.UserArnSession,
        };
    }

    private static JsonObject ProvisionedDetail(ScProvisionedProduct p) => new()
    {
        ["Name"] = p.Name,
        ["Arn"] = p.Arn,
        ["Type"] = p.Type,
        ["Id"] = p.Id,
        ["Status"] = p.Status,
        ["StatusMessage"] = p.StatusMessage,
        ["CreatedTime"] = AwsTime.Epoch(p.CreatedTime),
        ["IdempotencyToken"] = p.IdempotencyToken,
        ["LastRecordId"] = p.LastRecordId,
        ["LastProvisioningRecordId"] = p.LastProvisioningRecordId,
        ["LastSuccessfulProvisioningRecordId"] = p.LastSuccessfulProvisioningRecordId,
        ["ProductId"] = p.ProductId,
        ["ProvisioningArtifactId"] = p.ProvisioningArtifactId,
        ["LaunchRoleArn"] = p.LaunchRoleArn,
    };
}
