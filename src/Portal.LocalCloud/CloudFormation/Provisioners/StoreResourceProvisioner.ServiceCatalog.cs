using System.Text.Json.Nodes;
using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.ServiceCatalog;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.CloudFormation.Provisioners;

/// <summary>Service Catalog portfolios, their product and principal associations, LAUNCH/TEMPLATE constraints and tag options.</summary>
public sealed partial class StoreResourceProvisioner
{
    private ProvisioningResult CreatePortfolio(ResourceRequest request)
    {
        var p = request.Properties;
        var portfolio = Region.ServiceCatalog.CreatePortfolio(_accountId, _region, Required(p, "DisplayName"), Str(p, "Description"), Required(p, "ProviderName"), Tags(request), Guid.NewGuid().ToString(), Now);
        return Described(request, portfolio.DisplayName, portfolio.Id, portfolio.CreatedTime, physicalId: portfolio.Id);
    }

    private ProvisioningResult UpdatePortfolio(ResourceRequest request)
    {
        var p = request.Properties;
        var portfolio = Region.ServiceCatalog.Portfolio(request.PhysicalId!);
        portfolio.DisplayName = Required(p, "DisplayName");
        portfolio.ProviderName = Required(p, "ProviderName");
        portfolio.Description = Str(p, "Description");
        return Described(request, portfolio.DisplayName, portfolio.Id, portfolio.CreatedTime, physicalId: portfolio.Id);
    }

    private ProvisioningResult DeletePortfolio(ResourceRequest request)
    {
        if (Region.ServiceCatalog.Portfolios.ContainsKey(request.PhysicalId!))
        {
            Region.ServiceCatalog.DeletePortfolio(request.PhysicalId!);
        }

        return Deleted(request);
    }

    private ProvisioningResult AssociateProduct(ResourceRequest request, bool associate)
    {
        var portfolio = Required(request.Properties, "PortfolioId");
        var product = Required(request.Properties, "ProductId");
        if (associate)
        {
            Region.ServiceCatalog.AssociateProduct(product, portfolio);
            return Described(request, portfolio, portfolio, Now);
        }

        if (Region.ServiceCatalog.Portfolios.TryGetValue(portfolio, out var found) && found.ProductIds.Contains(product))
        {
            Region.ServiceCatalog.DisassociateProduct(product, portfolio);
        }

        return Deleted(request);
    }

    private ProvisioningResult AssociatePrincipal(ResourceRequest request, bool associate)
    {
        var portfolio = Required(request.Properties, "PortfolioId");
        var principal = Required(request.Properties, "PrincipalARN");
        if (associate)
        {
            Region.ServiceCatalog.AssociatePrincipal(portfolio, principal, Required(request.Properties, "PrincipalType"));
            return Described(request, portfolio, portfolio, Now);
        }

        if (Region.ServiceCatalog.Portfolios.TryGetValue(portfolio, out var found) && found.Principals.Any(x => x.PrincipalArn == principal))
        {
            Region.ServiceCatalog.DisassociatePrincipal(portfolio, principal);
        }

        return Deleted(request);
    }

    private ProvisioningResult CreateConstraint(ResourceRequest request, string type)
    {
        var p = request.Properties;
        var parameters = type == "LAUNCH"
            ? (Str(p, "RoleArn") is { } role ? $$"""{"RoleArn":"{{role}}"}""" : $$"""{"LocalRoleName":"{{Required(p, "LocalRoleName")}}"}""")
            : Required(p, "Rules") is var rules && rules.TrimStart().StartsWith('{') ? $$"""{"Rules":{{rules}}}""" : throw new ServiceException("InvalidParametersException", "Rules must be a JSON object.");
        var constraint = Region.ServiceCatalog.CreateConstraint(_accountId, Required(p, "PortfolioId"), Required(p, "ProductId"), type, parameters, Str(p, "Description"), Guid.NewGuid().ToString());
        return Described(request, constraint.Id, constraint.Id, Now, physicalId: constraint.Id);
    }

    private ProvisioningResult UpdateConstraint(ResourceRequest request)
    {
        var constraint = Region.ServiceCatalog.Constraint(request.PhysicalId!);
        constraint.Description = Str(request.Properties, "Description");
        return Described(request, constraint.Id, constraint.Id, Now, physicalId: constraint.Id);
    }

    private ProvisioningResult DeleteConstraint(ResourceRequest request)
    {
        Region.ServiceCatalog.Constraints.Remove(request.PhysicalId!);
        return Deleted(request);
    }

    private ProvisioningResult CreateProduct(ResourceRequest request)
    {
        var p = request.Properties;
        var artifacts = Artifacts(p);
        var draft = new ScProduct
        {
            Id = string.Empty,
            ProductViewId = string.Empty,
            Arn = string.Empty,
            Name = Required(p, "Name"),
            Owner = Required(p, "Owner"),
            Description = Str(p, "Description"),
            Distributor = Str(p, "Distributor"),
            SupportDescription = Str(p, "SupportDescription"),
            SupportEmail = Str(p, "SupportEmail"),
            SupportUrl = Str(p, "SupportUrl"),
            ProductType = Str(p, "ProductType") ?? "CLOUD_FORMATION_TEMPLATE",
            CreatedTime = Now,
            Tags = Tags(request),
        };
        var product = Region.ServiceCatalog.CreateProduct(_accountId, _region, draft, artifacts.FirstOrDefault(), Guid.NewGuid().ToString());
        product.Artifacts.AddRange(artifacts.Skip(1));
        return ProductResult(request, product);
    }

    private ProvisioningResult UpdateProduct(ResourceRequest request)
    {
        var p = request.Properties;
        var product = Region.ServiceCatalog.Product(request.PhysicalId!);
        product.Name = Required(p, "Name");
        product.Owner = Required(p, "Owner");
        product.Description = Str(p, "Description");
        product.Distributor = Str(p, "Distributor");
        product.SupportDescription = Str(p, "SupportDescription");
        product.SupportEmail = Str(p, "SupportEmail");
        product.SupportUrl = Str(p, "SupportUrl");
        product.Artifacts.AddRange(Artifacts(p).Where(a => product.Artifacts.All(x => x.Name != a.Name)));
        return ProductResult(request, product);
    }

    private ProvisioningResult DeleteProduct(ResourceRequest request)
    {
        if (Region.ServiceCatalog.Products.ContainsKey(request.PhysicalId!))
        {
            Region.ServiceCatalog.DeleteProduct(request.PhysicalId!);
        }

        return Deleted(request);
    }

    private static ProvisioningResult ProductResult(ResourceRequest request, ScProduct product) =>
        Described(request, product.Name, product.Id, product.CreatedTime, new Dictionary<string, JsonNode?>
        {
            ["ProductName"] = product.Name,
            ["ProvisioningArtifactIds"] = string.Join(',', product.Artifacts.Select(a => a.Id)),
            ["ProvisioningArtifactNames"] = string.Join(',', product.Artifacts.Select(a => a.Name)),
        }, product.Id);

    private List<ScArtifact> Artifacts(JsonObject properties)
    {
        var artifacts = new List<ScArtifact>();
        foreach (var parameters in (properties["ProvisioningArtifactParameters"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var url = TemplateValues.AsString(parameters["Info"]?["LoadTemplateFromURL"])
                ?? throw new ServiceException("InvalidParametersException", "Info must contain LoadTemplateFromURL.");
            var body = TemplateLoader.Load(url, _holder.State.S3);
            if (!string.Equals(TemplateValues.AsString(parameters["DisableTemplateValidation"]), "true", StringComparison.OrdinalIgnoreCase))
            {
                ServiceCatalog.TemplateSummary.Parse(body);
            }

            artifacts.Add(new ScArtifact
            {
                Id = IdGenerator.Lowercase("pa-", 13),
                Name = TemplateValues.AsString(parameters["Name"]) ?? "v" + (artifacts.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Description = TemplateValues.AsString(parameters["Description"]),
                CreatedTime = Now,
                TemplateUrl = url,
                TemplateBody = body,
            });
        }

        return artifacts;
    }

    private ProvisioningResult CreateTagOption(ResourceRequest request)
    {
        var option = Region.ServiceCatalog.CreateTagOption(_accountId, Required(request.Properties, "Key"), Required(request.Properties, "Value"));
        option.Active = TagOptionActive(request.Properties) ?? true;
        return Described(request, option.Id, option.Id, Now, physicalId: option.Id);
    }

    private ProvisioningResult UpdateTagOption(ResourceRequest request)
    {
        var option = Region.ServiceCatalog.TagOption(request.PhysicalId!);
        option.Active = TagOptionActive(request.Properties) ?? true;
        return Described(request, option.Id, option.Id, Now, physicalId: option.Id);
    }

    private ProvisioningResult DeleteTagOption(ResourceRequest request)
    {
        if (Region.ServiceCatalog.TagOptions.ContainsKey(request.PhysicalId!))
        {
            Region.ServiceCatalog.DeleteTagOption(request.PhysicalId!);
            return Deleted(request);
        }

        // A stack created before tag options were Service Catalog state holds a record.
        return DeleteRecord(request);
    }

    private ProvisioningResult AssociateTagOption(ResourceRequest request, bool associate)
    {
        var tagOption = Required(request.Properties, "TagOptionId");
        var resource = Required(request.Properties, "ResourceId");
        if (associate)
        {
            Region.ServiceCatalog.AssociateTagOption(resource, tagOption, associate: true);
            return Described(request, tagOption, tagOption, Now);
        }

        var sc = Region.ServiceCatalog;
        var associated = (sc.Portfolios.TryGetValue(resource, out var portfolio) && portfolio.TagOptionIds.Contains(tagOption))
            || (sc.Products.TryGetValue(resource, out var product) && product.TagOptionIds.Contains(tagOption));
        if (associated)
        {
            sc.AssociateTagOption(resource, tagOption, associate: false);
            return Deleted(request);
        }

        return DeleteRecord(request);
    }

    private static bool? TagOptionActive(JsonObject properties) =>
        Str(properties, "Active") switch
        {
            null => null,
            var text when bool.TryParse(text, out var active) => active,
            var text => throw new ServiceException("InvalidRequest", $"Property Active must be a boolean, not '{text}'."),
        };
}
