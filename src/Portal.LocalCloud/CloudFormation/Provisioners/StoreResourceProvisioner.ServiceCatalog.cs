using Portal.LocalCloud.CloudFormation.Engine;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.CloudFormation.Provisioners;

/// <summary>Service Catalog portfolios, their product and principal associations and LAUNCH/TEMPLATE constraints.</summary>
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
}
