using Portal.LocalCloud.Auth;
using Portal.LocalCloud.Clock;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.ServiceCatalog;

/// <summary>
/// Runs ProvisionProduct / UpdateProvisionedProduct / TerminateProvisionedProduct against the store:
/// validates the launch (visibility, launch path, version state, parameters), records the request
/// (idempotent by token), hands it to the <see cref="IProvisioningEngine"/>, and later applies the
/// engine's outcome to the record and the provisioned product as the lifecycle clock allows.
/// </summary>
public sealed class ProvisioningCoordinator
{
    private readonly IProvisioningEngine _engine;
    private readonly LifecycleClock _clock;

    public ProvisioningCoordinator(IProvisioningEngine engine, LifecycleClock clock)
    {
        _engine = engine;
        _clock = clock;
    }

    public ScRecord Provision(ProvisioningScope scope, ProvisionArguments args)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(args);
        var store = scope.Store;
        if (store.Tokens.TryGetValue("ProvisionProduct:" + args.Token, out var existing) && store.Records.TryGetValue(existing, out var same))
        {
            return same;
        }

        var product = store.VisibleProduct(scope.Caller, args.ProductId, args.ProductName);
        var artifact = store.Artifact(product, args.ArtifactId, args.ArtifactName);
        if (!artifact.Active)
        {
            throw new ServiceException("InvalidParametersException", $"Provisioning artifact {artifact.Id} is not active.");
        }

        if (artifact.Guidance == "DEPRECATED")
        {
            throw new ServiceException("InvalidParametersException", $"Provisioning artifact {artifact.Id} is deprecated and cannot be used for new launches.");
        }

        var path = store.ResolvePath(scope.Caller, product.Id, args.PathId, args.PathName);
        if (store.ProvisionedProducts.Values.Any(p => !p.Terminated && p.Name == args.Name))
        {
            throw new ServiceException("DuplicateResourceException", $"A provisioned product with the name {args.Name} already exists.");
        }

        _engine.CheckLaunch(new LaunchCheck(store, scope.AccountId, scope.Region, path.Id, product, artifact, args.Parameters));
        var parameters = TemplateSummary.Resolve(store.EffectiveParameters(artifact, path.Id, product.Id), args.Parameters);
        var id = IdGenerator.Lowercase("pp-", 13);
        var pp = new ScProvisionedProduct
        {
            Id = id,
            Arn = $"arn:aws:servicecatalog:{scope.Region}:{scope.AccountId}:stack/{args.Name}/{id}",
            Name = args.Name,
            CreatedTime = scope.Now,
            IdempotencyToken = args.Token,
            ProductId = product.Id,
            ProvisioningArtifactId = artifact.Id,
            PathId = path.LaunchPathId,
            LaunchRoleArn = store.LaunchRoleArn(scope.AccountId, path.Id, product.Id),
            UserArn = scope.Caller.Arn,
            UserArnSession = scope.Caller.Arn,
            RoleArn = scope.Caller.RoleArn,
            Tags = [.. args.Tags],
            Parameters = parameters,
        };
        var record = NewRecord("PROVISION_PRODUCT", pp, product.Id, artifact.Id, parameters, args.Token, scope, retain: false, ignoreErrors: false);
        pp.LastRecordId = record.Id;
        pp.LastProvisioningRecordId = record.Id;
        store.ProvisionedProducts[id] = pp;
        store.Records[record.Id] = record;
        store.Tokens["ProvisionProduct:" + args.Token] = record.Id;
        Start(scope, record, pp, product, artifact);
        return record;
    }

    public ScRecord Update(ProvisioningScope scope, UpdateArguments args)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(args);
        var store = scope.Store;
        if (store.Tokens.TryGetValue("UpdateProvisionedProduct:" + args.Token, out var existing) && store.Records.TryGetValue(existing, out var same))
        {
            return same;
        }

        var pp = store.ProvisionedProduct(args.ProvisionedProductId, args.ProvisionedProductName);
        Settle(scope, pp);
        if (pp.Status is "UNDER_CHANGE" or "PLAN_IN_PROGRESS")
        {
            throw new ServiceException("InvalidStateException", $"Provisioned product {pp.Id} is {pp.Status}; wait for the current operation to finish.");
        }

        var product = args.ProductId is null && args.ProductName is null ? store.Product(pp.ProductId) : store.VisibleProduct(scope.Caller, args.ProductId, args.ProductName);
        var artifact = args.ArtifactId is null && args.ArtifactName is null
            ? store.Artifact(product, pp.ProvisioningArtifactId, null)
            : store.Artifact(product, args.ArtifactId, args.ArtifactName);
        if (!artifact.Active)
        {
            throw new ServiceException("InvalidParametersException", $"Provisioning artifact {artifact.Id} is not active.");
        }

        var path = args.PathId is null && args.PathName is null && pp.PathId is not null
            ? store.LaunchPaths(scope.Caller, product.Id).FirstOrDefault(p => p.LaunchPathId == pp.PathId) ?? store.ResolvePath(scope.Caller, product.Id, null, null)
            : store.ResolvePath(scope.Caller, product.Id, args.PathId, args.PathName);
        var templateParameters = store.EffectiveParameters(artifact, path.Id, product.Id);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in templateParameters)
        {
            if (args.Parameters.TryGetValue(parameter.Key, out var given))
            {
                if (given.UsePrevious)
                {
                    if (pp.Parameters.TryGetValue(parameter.Key, out var previous))
                    {
                        values[parameter.Key] = previous;
                    }
                }
                else
                {
                    values[parameter.Key] = given.Value ?? string.Empty;
                }
            }
            else if (pp.Parameters.TryGetValue(parameter.Key, out var previous))
            {
                values[parameter.Key] = previous;
            }
        }

        foreach (var key in args.Parameters.Keys.Where(k => !templateParameters.Any(p => p.Key == k)))
        {
            throw new ServiceException("InvalidParametersException", $"Parameters: [{key}] do not exist in the template");
        }

        _engine.CheckLaunch(new LaunchCheck(store, scope.AccountId, scope.Region, path.Id, product, artifact, values));
        var parameters = TemplateSummary.Resolve(templateParameters, values);
        var record = NewRecord("UPDATE_PROVISIONED_PRODUCT", pp, product.Id, artifact.Id, parameters, args.Token, scope, retain: false, ignoreErrors: false);
        record.Tags = args.Tags.Count > 0 ? [.. args.Tags] : [.. pp.Tags];
        pp.Status = "UNDER_CHANGE";
        pp.StatusMessage = null;
        pp.LastRecordId = record.Id;
        pp.LastProvisioningRecordId = record.Id;
        store.Records[record.Id] = record;
        store.Tokens["UpdateProvisionedProduct:" + args.Token] = record.Id;
        Start(scope, record, pp, product, artifact);
        return record;
    }

    public ScRecord Terminate(ProvisioningScope scope, string? id, string? name, string token, bool ignoreErrors, bool retain)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var store = scope.Store;
        if (store.Tokens.TryGetValue("TerminateProvisionedProduct:" + token, out var existing) && store.Records.TryGetValue(existing, out var same))
        {
            return same;
        }

        var pp = store.ProvisionedProduct(id, name);
        Settle(scope, pp);
        if (pp.Status == "UNDER_CHANGE" && !ignoreErrors)
        {
            throw new ServiceException("InvalidStateException", $"Provisioned product {pp.Id} is UNDER_CHANGE; wait for the current operation to finish.");
        }

        var product = store.Product(pp.ProductId);
        var artifact = store.Artifact(product, pp.ProvisioningArtifactId, null);
        var record = NewRecord("TERMINATE_PROVISIONED_PRODUCT", pp, product.Id, artifact.Id, pp.Parameters, token, scope, retain, ignoreErrors);
        pp.Status = "UNDER_CHANGE";
        pp.LastRecordId = record.Id;
        store.Records[record.Id] = record;
        store.Tokens["TerminateProvisionedProduct:" + token] = record.Id;
        Start(scope, record, pp, product, artifact);
        return record;
    }

    /// <summary>Brings a record up to date (polls the engine, applies a due outcome). True when it changed.</summary>
    public bool Settle(ProvisioningScope scope, ScRecord record)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(record);
        if (record.IsFinished)
        {
            return false;
        }

        var store = scope.Store;
        var changed = false;
        if (!store.ProvisionedProducts.TryGetValue(record.ProvisionedProductId, out var pp))
        {
            return false;
        }

        if (record.Outcome is null && store.Products.TryGetValue(record.ProductId, out var product)
            && product.Artifacts.FirstOrDefault(a => a.Id == record.ProvisioningArtifactId) is { } artifact)
        {
            var outcome = _engine.Poll(Request(scope, record, pp, product, artifact));
            if (outcome.State != ProvisioningState.InProgress)
            {
                record.Outcome = outcome;
                record.CompletesAt = _clock.After(scope.Now, outcome.LifecycleSteps);
                changed = true;
            }
        }

        if (record.Outcome is { } final && record.CompletesAt is { } due && scope.Now >= due)
        {
            Apply(record, pp, final, due);
            return true;
        }

        if (record.Status == "CREATED" && scope.Now > record.CreatedTime)
        {
            record.Status = "IN_PROGRESS";
            changed = true;
        }

        return changed;
    }

    public bool Settle(ProvisioningScope scope, ScProvisionedProduct pp)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(pp);
        return pp.LastRecordId is { } id && scope.Store.Records.TryGetValue(id, out var record) && Settle(scope, record);
    }

    private static void Apply(ScRecord record, ScProvisionedProduct pp, ProvisioningOutcome outcome, DateTimeOffset at)
    {
        var success = outcome.State == ProvisioningState.Succeeded;
        record.Status = success ? "SUCCEEDED" : "FAILED";
        record.UpdatedTime = at;
        record.Errors = [.. outcome.Errors];
        record.Outputs = [.. outcome.Outputs];
        switch (record.RecordType)
        {
            case "PROVISION_PRODUCT":
                pp.Status = success ? "AVAILABLE" : "ERROR";
                pp.PhysicalId = outcome.PhysicalId ?? pp.PhysicalId;
                pp.Outputs = [.. outcome.Outputs];
                break;
            case "UPDATE_PROVISIONED_PRODUCT":
                pp.Status = success ? "AVAILABLE" : "TAINTED";
                if (success)
                {
                    pp.ProductId = record.ProductId;
                    pp.ProvisioningArtifactId = record.ProvisioningArtifactId;
                    pp.Parameters = new Dictionary<string, string>(record.Parameters, StringComparer.Ordinal);
                    pp.Outputs = [.. outcome.Outputs];
                    pp.Tags = [.. record.Tags];
                }

                break;
            default:
                pp.Terminated = success || record.IgnoreErrors;
                pp.Status = pp.Terminated ? "AVAILABLE" : "ERROR";
                break;
        }

        pp.StatusMessage = success ? null : string.Join("; ", outcome.Errors.Select(e => e.Description));
        if (success && record.RecordType != "TERMINATE_PROVISIONED_PRODUCT")
        {
            pp.LastSuccessfulProvisioningRecordId = record.Id;
        }
    }

    private void Start(ProvisioningScope scope, ScRecord record, ScProvisionedProduct pp, ScProduct product, ScArtifact artifact)
    {
        var outcome = _engine.Start(Request(scope, record, pp, product, artifact));
        if (outcome.State != ProvisioningState.InProgress)
        {
            record.Outcome = outcome;
            record.CompletesAt = _clock.After(scope.Now, outcome.LifecycleSteps);
        }
    }

    private static ProvisioningRequest Request(ProvisioningScope scope, ScRecord record, ScProvisionedProduct pp, ScProduct product, ScArtifact artifact) => new()
    {
        RecordType = record.RecordType,
        RecordId = record.Id,
        AccountId = scope.AccountId,
        Region = scope.Region,
        Caller = scope.Caller,
        ProvisionedProduct = pp,
        Product = product,
        Artifact = artifact,
        Parameters = record.Parameters,
        Tags = record.Tags,
        LaunchRoleArn = record.LaunchRoleArn,
        RetainPhysicalResources = record.RetainPhysicalResources,
        IgnoreErrors = record.IgnoreErrors,
        State = scope.State,
        Now = scope.Now,
    };

    private static ScRecord NewRecord(string type, ScProvisionedProduct pp, string productId, string artifactId, Dictionary<string, string> parameters, string token, ProvisioningScope scope, bool retain, bool ignoreErrors) => new()
    {
        Id = IdGenerator.Lowercase("rec-", 13),
        RecordType = type,
        ProvisionedProductId = pp.Id,
        ProvisionedProductName = pp.Name,
        CreatedTime = scope.Now,
        UpdatedTime = scope.Now,
        ProductId = productId,
        ProvisioningArtifactId = artifactId,
        PathId = pp.PathId,
        LaunchRoleArn = pp.LaunchRoleArn,
        UserArn = scope.Caller.Arn,
        RoleArn = scope.Caller.RoleArn,
        Token = token,
        Tags = [.. pp.Tags],
        Parameters = new Dictionary<string, string>(parameters, StringComparer.Ordinal),
        RetainPhysicalResources = retain,
        IgnoreErrors = ignoreErrors,
    };
}
