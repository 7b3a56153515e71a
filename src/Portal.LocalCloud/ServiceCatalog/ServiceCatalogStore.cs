using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.LocalCloud.Auth;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>
/// Service Catalog of one account and region: portfolios, products and versions, constraints,
/// principals, tag options, provisioned products and records. End-user visibility follows principal
/// association as in AWS. Provisioning is delegated to an <see cref="IProvisioningEngine"/>.
/// </summary>
public sealed partial class ServiceCatalogStore
{
    public Dictionary<string, ScPortfolio> Portfolios { get; set; } = [];

    public Dictionary<string, ScProduct> Products { get; set; } = [];

    public Dictionary<string, ScConstraint> Constraints { get; set; } = [];

    public Dictionary<string, ScTagOption> TagOptions { get; set; } = [];

    public Dictionary<string, ScProvisionedProduct> ProvisionedProducts { get; set; } = [];

    public Dictionary<string, ScRecord> Records { get; set; } = [];

    /// <summary>Idempotency tokens already used, as "Operation:token" → resource id.</summary>
    public Dictionary<string, string> Tokens { get; set; } = [];

    // ---- portfolios ----------------------------------------------------------------------------

    public ScPortfolio CreatePortfolio(string accountId, string region, string displayName, string? description, string providerName, IReadOnlyList<Tag> tags, string token, DateTimeOffset now)
    {
        if (Tokens.TryGetValue("CreatePortfolio:" + token, out var existing) && Portfolios.TryGetValue(existing, out var same))
        {
            return same;
        }

        var id = IdGenerator.Lowercase("port-", 13);
        var portfolio = new ScPortfolio
        {
            Id = id,
            Arn = $"arn:aws:catalog:{region}:{accountId}:portfolio/{id}",
            DisplayName = displayName,
            Description = description,
            ProviderName = providerName,
            CreatedTime = now,
            LaunchPathId = IdGenerator.Lowercase("lpv3-", 13),
            Tags = [.. tags],
        };
        Portfolios[id] = portfolio;
        Tokens["CreatePortfolio:" + token] = id;
        return portfolio;
    }

    public ScPortfolio Portfolio(string id) =>
        Portfolios.TryGetValue(id, out var p) ? p : throw NotFound($"Portfolio {id} not found.");

    public void DeletePortfolio(string id)
    {
        var portfolio = Portfolio(id);
        if (portfolio.ProductIds.Count > 0 || portfolio.Principals.Count > 0 || portfolio.TagOptionIds.Count > 0 || Constraints.Values.Any(c => c.PortfolioId == id))
        {
            throw new ServiceException("ResourceInUseException", "Portfolio has products, principals, constraints or tag options associated; remove them first.");
        }

        Portfolios.Remove(id);
    }

    // ---- products and versions -----------------------------------------------------------------

    public ScProduct CreateProduct(string accountId, string region, ScProduct draft, ScArtifact? firstArtifact, string token)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Tokens.TryGetValue("CreateProduct:" + token, out var existing) && Products.TryGetValue(existing, out var same))
        {
            return same;
        }

        var id = IdGenerator.Lowercase("prod-", 13);
        var product = new ScProduct
        {
            Id = id,
            ProductViewId = IdGenerator.Lowercase("prodview-", 13),
            Arn = $"arn:aws:catalog:{region}:{accountId}:product/{id}",
            Name = draft.Name,
            Owner = draft.Owner,
            Description = draft.Description,
            Distributor = draft.Distributor,
            SupportDescription = draft.SupportDescription,
            SupportEmail = draft.SupportEmail,
            SupportUrl = draft.SupportUrl,
            ProductType = draft.ProductType,
            CreatedTime = draft.CreatedTime,
            Tags = draft.Tags,
            Artifacts = firstArtifact is null ? [] : [firstArtifact],
        };
        Products[id] = product;
        Tokens["CreateProduct:" + token] = id;
        return product;
    }

    public ScProduct Product(string id) =>
        Products.TryGetValue(id, out var p) ? p : throw NotFound($"Product {id} not found.");

    public ScProduct ProductByIdOrName(string? id, string? name)
    {
        if (id is not null)
        {
            return Product(id);
        }

        if (name is not null)
        {
            return Products.Values.FirstOrDefault(p => p.Name == name) ?? throw NotFound($"Product {name} not found.");
        }

        throw new ServiceException("InvalidParametersException", "Either Id or Name must be specified.");
    }

    public void DeleteProduct(string id)
    {
        var product = Product(id);
        if (Portfolios.Values.Any(p => p.ProductIds.Contains(id)))
        {
            throw new ServiceException("ResourceInUseException", $"Product {id} is associated with one or more portfolios.");
        }

        if (ProvisionedProducts.Values.Any(pp => pp.ProductId == id && !pp.Terminated))
        {
            throw new ServiceException("ResourceInUseException", $"Product {id} has provisioned products.");
        }

        Products.Remove(product.Id);
    }

    public ScArtifact AddArtifact(string productId, ScArtifact artifact, string token)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var product = Product(productId);
        if (Tokens.TryGetValue("CreateProvisioningArtifact:" + token, out var existing) && product.Artifacts.FirstOrDefault(a => a.Id == existing) is { } same)
        {
            return same;
        }

        if (product.Artifacts.Any(a => a.Name == artifact.Name))
        {
            throw new ServiceException("DuplicateResourceException", $"A provisioning artifact named {artifact.Name} already exists for product {productId}.");
        }

        product.Artifacts.Add(artifact);
        Tokens["CreateProvisioningArtifact:" + token] = artifact.Id;
        return artifact;
    }

    public ScArtifact Artifact(ScProduct product, string? id, string? name)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (id is not null)
        {
            return product.Artifacts.FirstOrDefault(a => a.Id == id) ?? throw NotFound($"Provisioning artifact {id} not found for product {product.Id}.");
        }

        if (name is not null)
        {
            return product.Artifacts.FirstOrDefault(a => a.Name == name) ?? throw NotFound($"Provisioning artifact {name} not found for product {product.Id}.");
        }

        throw new ServiceException("InvalidParametersException", "ProvisioningArtifactId or ProvisioningArtifactName must be specified.");
    }

    public void DeleteArtifact(string productId, string artifactId)
    {
        var product = Product(productId);
        var artifact = Artifact(product, artifactId, null);
        if (product.Artifacts.Count == 1)
        {
            throw new ServiceException("InvalidParametersException", "Cannot delete the last provisioning artifact of a product.");
        }

        if (ProvisionedProducts.Values.Any(pp => pp.ProvisioningArtifactId == artifactId && !pp.Terminated))
        {
            throw new ServiceException("ResourceInUseException", $"Provisioning artifact {artifactId} is in use by provisioned products.");
        }

        product.Artifacts.Remove(artifact);
    }

    public void AssociateProduct(string productId, string portfolioId)
    {
        var product = Product(productId);
        var portfolio = Portfolio(portfolioId);
        if (!portfolio.ProductIds.Contains(product.Id))
        {
            portfolio.ProductIds.Add(product.Id);
        }
    }

    public void DisassociateProduct(string productId, string portfolioId)
    {
        var portfolio = Portfolio(portfolioId);
        Product(productId);
        if (!portfolio.ProductIds.Contains(productId))
        {
            throw NotFound($"Product {productId} is not associated with portfolio {portfolioId}.");
        }

        if (Constraints.Values.Any(c => c.PortfolioId == portfolioId && c.ProductId == productId))
        {
            throw new ServiceException("ResourceInUseException", "Delete the constraints of this product in this portfolio first.");
        }

        portfolio.ProductIds.Remove(productId);
    }

    // ---- constraints and principals ------------------------------------------------------------

    public ScConstraint CreateConstraint(string accountId, string portfolioId, string productId, string type, string parameters, string? description, string token)
    {
        if (Tokens.TryGetValue("CreateConstraint:" + token, out var existing) && Constraints.TryGetValue(existing, out var same))
        {
            return same;
        }

        var portfolio = Portfolio(portfolioId);
        Product(productId);
        if (!portfolio.ProductIds.Contains(productId))
        {
            throw new ServiceException("InvalidParametersException", $"Product {productId} is not associated with portfolio {portfolioId}.");
        }

        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(parameters);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new ServiceException("InvalidParametersException", "Constraint parameters must be a JSON object.");
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ServiceException("InvalidParametersException", "Constraint parameters must be a JSON object.");
        }

        var samePair = Constraints.Values.Where(c => c.PortfolioId == portfolioId && c.ProductId == productId).ToList();
        switch (type)
        {
            case "LAUNCH":
            {
                var hasArn = json.TryGetProperty("RoleArn", out var roleArn) && roleArn.ValueKind == JsonValueKind.String;
                var hasLocal = json.TryGetProperty("LocalRoleName", out var local) && local.ValueKind == JsonValueKind.String;
                if (hasArn == hasLocal)
                {
                    throw new ServiceException("InvalidParametersException", "A LAUNCH constraint needs exactly one of RoleArn or LocalRoleName.");
                }

                if (hasArn && !RoleArnPattern().IsMatch(roleArn.GetString()!))
                {
                    throw new ServiceException("InvalidParametersException", $"RoleArn {roleArn.GetString()} is not a valid IAM role ARN.");
                }

                if (samePair.Any(c => c.Type is "LAUNCH" or "STACKSET"))
                {
                    throw new ServiceException("DuplicateResourceException", "Only one LAUNCH constraint can be created per product in a portfolio.");
                }

                break;
            }

            case "TEMPLATE":
                if (!json.TryGetProperty("Rules", out var rules) || rules.ValueKind != JsonValueKind.Object)
                {
                    throw new ServiceException("InvalidParametersException", "A TEMPLATE constraint needs a Rules object.");
                }

                break;
            case "NOTIFICATION":
                if (!json.TryGetProperty("NotificationArns", out var arns) || arns.ValueKind != JsonValueKind.Array)
                {
                    throw new ServiceException("InvalidParametersException", "A NOTIFICATION constraint needs NotificationArns.");
                }

                if (samePair.Any(c => c.Type == "NOTIFICATION"))
                {
                    throw new ServiceException("DuplicateResourceException", "Only one NOTIFICATION constraint can be created per product in a portfolio.");
                }

                break;
            case "RESOURCE_UPDATE":
                if (!json.TryGetProperty("Properties", out var properties) || !properties.TryGetProperty("TagUpdateOnProvisionedProduct", out var tagUpdate)
                    || tagUpdate.GetString() is not ("ALLOWED" or "NOT_ALLOWED"))
                {
                    throw new ServiceException("InvalidParametersException", "A RESOURCE_UPDATE constraint needs Properties.TagUpdateOnProvisionedProduct ALLOWED or NOT_ALLOWED.");
                }

                if (samePair.Any(c => c.Type == "RESOURCE_UPDATE"))
                {
                    throw new ServiceException("DuplicateResourceException", "Only one RESOURCE_UPDATE constraint can be created per product in a portfolio.");
                }

                break;
            case "STACKSET":
                if (samePair.Any(c => c.Type is "LAUNCH" or "STACKSET"))
                {
                    throw new ServiceException("DuplicateResourceException", "A product in a portfolio can have either a LAUNCH or a STACKSET constraint.");
                }

                break;
            default:
                throw new ServiceException("InvalidParametersException", $"Constraint type {type} is not supported. Use LAUNCH, NOTIFICATION, RESOURCE_UPDATE, STACKSET or TEMPLATE.");
        }

        var constraint = new ScConstraint
        {
            Id = IdGenerator.Lowercase("cons-", 13),
            Type = type,
            Description = description,
            Owner = accountId,
            ProductId = productId,
            PortfolioId = portfolioId,
            Parameters = parameters,
        };
        Constraints[constraint.Id] = constraint;
        Tokens["CreateConstraint:" + token] = constraint.Id;
        return constraint;
    }

    public ScConstraint Constraint(string id) =>
        Constraints.TryGetValue(id, out var c) ? c : throw NotFound($"Constraint {id} not found.");

    public void AssociatePrincipal(string portfolioId, string principalArn, string principalType)
    {
        var portfolio = Portfolio(portfolioId);
        if (principalType == "IAM" && !principalArn.StartsWith("arn:aws:iam::", StringComparison.Ordinal))
        {
            throw new ServiceException("InvalidParametersException", $"PrincipalARN {principalArn} is not a valid IAM ARN.");
        }

        if (principalType == "IAM_PATTERN" && !principalArn.StartsWith("arn:aws:iam:::", StringComparison.Ordinal))
        {
            throw new ServiceException("InvalidParametersException", "An IAM_PATTERN principal must start with arn:aws:iam::: (no account id).");
        }

        if (!portfolio.Principals.Any(p => p.PrincipalArn == principalArn))
        {
            if (portfolio.Principals.Count >= 100)
            {
                throw new ServiceException("LimitExceededException", "A portfolio can have at most 100 principals.");
            }

            portfolio.Principals.Add(new ScPrincipal(principalArn, principalType));
        }
    }

    public void DisassociatePrincipal(string portfolioId, string principalArn)
    {
        var portfolio = Portfolio(portfolioId);
        if (portfolio.Principals.RemoveAll(p => p.PrincipalArn == principalArn) == 0)
        {
            throw NotFound($"Principal {principalArn} is not associated with portfolio {portfolioId}.");
        }
    }

    // ---- tag options ---------------------------------------------------------------------------

    public ScTagOption CreateTagOption(string accountId, string key, string value)
    {
        if (TagOptions.Values.Any(t => t.Key == key && t.Value == value))
        {
            throw new ServiceException("DuplicateResourceException", $"TagOption with key {key} and value {value} already exists.");
        }

        var option = new ScTagOption { Id = IdGenerator.Lowercase("tag-", 13), Key = key, Value = value, Owner = accountId };
        TagOptions[option.Id] = option;
        return option;
    }

    public ScTagOption TagOption(string id) =>
        TagOptions.TryGetValue(id, out var t) ? t : throw NotFound($"TagOption {id} not found.");

    /// <summary>Deletes a tag option; as on AWS, one still associated with a portfolio or product is refused.</summary>
    public void DeleteTagOption(string id)
    {
        var option = TagOption(id);
        if (Portfolios.Values.Any(p => p.TagOptionIds.Contains(id)) || Products.Values.Any(p => p.TagOptionIds.Contains(id)))
        {
            throw new ServiceException("ResourceInUseException", $"TagOption {option.Id} is associated with a resource.");
        }

        TagOptions.Remove(id);
    }

    public void AssociateTagOption(string resourceId, string tagOptionId, bool associate)
    {
        var option = TagOption(tagOptionId);
        List<string> ids = Portfolios.TryGetValue(resourceId, out var portfolio)
            ? portfolio.TagOptionIds
            : Products.TryGetValue(resourceId, out var product)
                ? product.TagOptionIds
                : throw NotFound($"Resource {resourceId} not found.");
        if (associate)
        {
            if (ids.Select(TagOption).Any(t => t.Key == option.Key && t.Id != option.Id))
            {
                throw new ServiceException("InvalidParametersException", $"A TagOption with key {option.Key} is already associated with {resourceId}.");
            }

            if (!ids.Contains(tagOptionId))
            {
                ids.Add(tagOptionId);
            }
        }
        else if (!ids.Remove(tagOptionId))
        {
            throw NotFound($"TagOption {tagOptionId} is not associated with {resourceId}.");
        }
    }

    // ---- end-user visibility -------------------------------------------------------------------

    /// <summary>Portfolios whose principals include the caller (exact ARN, or IAM_PATTERN wildcards).</summary>
    public IEnumerable<ScPortfolio> PortfoliosVisibleTo(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var arns = new[] { caller.PrincipalArn, caller.Arn }.Distinct().ToList();
        return Portfolios.Values.Where(p => p.Principals.Any(principal => arns.Any(arn => PrincipalMatches(principal, arn))));
    }

    public IEnumerable<ScProduct> ProductsVisibleTo(CallerIdentity caller) =>
        PortfoliosVisibleTo(caller).SelectMany(p => p.ProductIds).Distinct().Select(Product);

    public ScProduct VisibleProduct(CallerIdentity caller, string? id, string? name)
    {
        var product = ProductByIdOrName(id, name);
        return ProductsVisibleTo(caller).Any(p => p.Id == product.Id)
            ? product
            : throw NotFound($"Product {id ?? name} not found.");
    }

    /// <summary>Launch paths of a product for the caller: one per visible portfolio holding it.</summary>
    public IReadOnlyList<ScPortfolio> LaunchPaths(CallerIdentity caller, string productId) =>
        PortfoliosVisibleTo(caller).Where(p => p.ProductIds.Contains(productId)).OrderBy(p => p.CreatedTime).ToList();

    public ScPortfolio ResolvePath(CallerIdentity caller, string productId, string? pathId, string? pathName)
    {
        var paths = LaunchPaths(caller, productId);
        if (pathId is not null)
        {
            return paths.FirstOrDefault(p => p.LaunchPathId == pathId) ?? throw NotFound($"Launch path {pathId} not found for product {productId}.");
        }

        if (pathName is not null)
        {
            return paths.FirstOrDefault(p => p.DisplayName == pathName) ?? throw NotFound($"Launch path {pathName} not found for product {productId}.");
        }

        return paths.Count switch
        {
            0 => throw NotFound($"Product {productId} has no launch path for this principal."),
            1 => paths[0],
            _ => throw new ServiceException("InvalidParametersException", "More than one launch path is available; specify PathId."),
        };
    }

    public IReadOnlyList<ScConstraint> ConstraintsOn(string portfolioId, string productId) =>
        Constraints.Values.Where(c => c.PortfolioId == portfolioId && c.ProductId == productId).ToList();

    public string? LaunchRoleArn(string accountId, string portfolioId, string productId)
    {
        var launch = ConstraintsOn(portfolioId, productId).FirstOrDefault(c => c.Type == "LAUNCH");
        if (launch is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(launch.Parameters);
        return json.RootElement.TryGetProperty("RoleArn", out var arn)
            ? arn.GetString()
            : $"arn:aws:iam::{accountId}:role/{json.RootElement.GetProperty("LocalRoleName").GetString()}";
    }

    /// <summary>The version's parameters narrowed by the TEMPLATE constraints of the launch path.</summary>
    public IReadOnlyList<TemplateParameter> EffectiveParameters(ScArtifact artifact, string portfolioId, string productId)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var summary = TemplateSummary.Parse(artifact.TemplateBody);
        return summary.WithRules(ConstraintsOn(portfolioId, productId).Where(c => c.Type == "TEMPLATE").Select(c => c.Parameters));
    }

    // ---- provisioned products and records ------------------------------------------------------

    public ScProvisionedProduct ProvisionedProduct(string? id, string? name)
    {
        ScProvisionedProduct? found = null;
        if (id is not null)
        {
            ProvisionedProducts.TryGetValue(id, out found);
        }
        else if (name is not null)
        {
            found = ProvisionedProducts.Values.FirstOrDefault(p => !p.Terminated && (p.Name == name || p.Arn == name));
        }
        else
        {
            throw new ServiceException("InvalidParametersException", "Either the provisioned product Id or Name must be specified.");
        }

        return found is { Terminated: false } ? found : throw NotFound($"Provisioned product {id ?? name} not found.");
    }

    public ScRecord Record(string id) =>
        Records.TryGetValue(id, out var r) ? r : throw NotFound($"Record {id} not found.");

    public static bool PrincipalMatches(ScPrincipal principal, string arn)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(arn);
        if (principal.PrincipalType == "IAM")
        {
            return principal.PrincipalArn == arn;
        }

        var withoutAccount = AccountPattern().Replace(arn, "arn:aws:iam:::");
        var regex = "^" + Regex.Escape(principal.PrincipalArn).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(withoutAccount, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            || Regex.IsMatch(arn, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static ServiceException NotFound(string message) => new("ResourceNotFoundException", message);

    [GeneratedRegex(@"^arn:aws:iam::\d{12}:role/.+$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^arn:aws:iam::\d{12}:")]
    private static partial Regex AccountPattern();
}
