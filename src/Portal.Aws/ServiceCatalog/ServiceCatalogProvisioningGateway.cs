using Portal.Aws.Protocols;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Provisioning;
using static Portal.Aws.ServiceCatalog.ServiceCatalogMapping;
using Ops = Portal.Aws.ServiceCatalog.ServiceCatalogOperations;

namespace Portal.Aws.ServiceCatalog;

/// <summary>Provisioning over Service Catalog. Tokens come from the caller (persisted with the request), so a repeat never launches twice.</summary>
internal sealed class ServiceCatalogProvisioningGateway : IProvisioningGateway
{
    private readonly AwsJsonProtocolClient _client;

    public ServiceCatalogProvisioningGateway(AwsJsonProtocolClient client) => _client = client;

    public async Task<Result<ProvisioningRecord>> ProvisionAsync(ActingIdentity identity, ProvisionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wire = new ScProvisionProductRequest
        {
            ProductId = request.ProductId,
            ProvisioningArtifactId = request.VersionId,
            PathId = request.PathId,
            ProvisionedProductName = request.ProvisionedProductName,
            ProvisioningParameters = request.Parameters.Select(p => new ScProvisioningParameter { Key = p.Key, Value = p.Value }).ToList(),
            Tags = FromTags(request.Tags),
            ProvisionToken = request.Token.Value,
        };
        var response = await _client.SendAsync(Ops.ProvisionProduct, wire, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToRecord(r.RecordDetail));
    }

    public async Task<Result<ProvisioningRecord>> UpdateAsync(ActingIdentity identity, ProvisionedProductUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var wire = new ScUpdateProvisionedProductRequest
        {
            ProvisionedProductId = update.ProvisionedProductId,
            ProvisioningArtifactId = update.VersionId,
            PathId = update.PathId,
            ProvisioningParameters = update.Parameters
                .Select(p => p.UsePreviousValue
                    ? new ScUpdateProvisioningParameter { Key = p.Key, UsePreviousValue = true }
                    : new ScUpdateProvisioningParameter { Key = p.Key, Value = p.Value })
                .ToList(),
            UpdateToken = update.Token.Value,
        };
        var response = await _client.SendAsync(Ops.UpdateProvisionedProduct, wire, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToRecord(r.RecordDetail));
    }

    public async Task<Result<ProvisioningRecord>> TerminateAsync(ActingIdentity identity, TerminationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wire = new ScTerminateProvisionedProductRequest
        {
            ProvisionedProductId = request.ProvisionedProductId,
            TerminateToken = request.Token.Value,
            IgnoreErrors = request.IgnoreErrors ? true : null,
            RetainPhysicalResources = request.RetainPhysicalResources ? true : null,
        };
        var response = await _client.SendAsync(Ops.TerminateProvisionedProduct, wire, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToRecord(r.RecordDetail));
    }

    public async Task<Result<ProvisioningRecord>> DescribeRecordAsync(ActingIdentity identity, string recordId, CancellationToken cancellationToken)
    {
        var outputs = new List<ScRecordOutput>();
        ScRecordDetail? detail = null;
        string? token = null;
        do
        {
            var page = await _client.SendAsync(Ops.DescribeRecord, new ScDescribeRecordRequest { Id = recordId, PageToken = token, PageSize = 20 }, identity, cancellationToken).ConfigureAwait(false);
            if (!page.IsSuccess)
            {
                return page.Error!;
            }

            detail ??= page.Value.RecordDetail;
            outputs.AddRange(page.Value.RecordOutputs ?? []);
            token = page.Value.NextPageToken == token ? null : page.Value.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));

        return ToRecord(detail, outputs);
    }

    public IAsyncEnumerable<ProvisioningRecord> ListRecordHistoryAsync(ActingIdentity identity, ProvisionedProductScope scope, string? provisionedProductId, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(
                Ops.ListRecordHistory,
                new ScListRecordHistoryRequest
                {
                    AccessLevelFilter = ToAccessLevel(scope),
                    SearchFilter = provisionedProductId is null ? null : new ScListRecordHistorySearchFilter { Key = "provisionedproduct", Value = provisionedProductId },
                    PageToken = token,
                    PageSize = 20,
                },
                identity,
                ct),
            page => page.RecordDetails?.Select(d => ToRecord(d)),
            page => page.NextPageToken,
            cancellationToken);

    public IAsyncEnumerable<ProvisionedProduct> SearchProvisionedProductsAsync(ActingIdentity identity, ProvisionedProductScope scope, string? searchQuery, CancellationToken cancellationToken) =>
        AwsPager.EnumerateAsync(
            (token, ct) => _client.SendAsync(
                Ops.SearchProvisionedProducts,
                new ScSearchProvisionedProductsRequest
                {
                    AccessLevelFilter = ToAccessLevel(scope),
                    Filters = string.IsNullOrWhiteSpace(searchQuery) ? null : new() { ["SearchQuery"] = [searchQuery] },
                    PageToken = token,
                    PageSize = 100,
                },
                identity,
                ct),
            page => page.ProvisionedProducts?.Select(ToProvisionedProduct),
            page => page.NextPageToken,
            cancellationToken);

    public async Task<Result<ProvisionedProduct>> DescribeProvisionedProductAsync(ActingIdentity identity, string provisionedProductId, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(Ops.DescribeProvisionedProduct, new ScIdRequest { Id = provisionedProductId }, identity, cancellationToken).ConfigureAwait(false);
        return response.Map(r => ToProvisionedProduct(r.ProvisionedProductDetail));
    }

    public async Task<Result<IReadOnlyList<RecordOutput>>> GetOutputsAsync(ActingIdentity identity, string provisionedProductId, CancellationToken cancellationToken)
    {
        var outputs = new List<RecordOutput>();
        try
        {
            await foreach (var output in AwsPager.EnumerateAsync(
                (token, ct) => _client.SendAsync(Ops.GetProvisionedProductOutputs, new ScGetProvisionedProductOutputsRequest { ProvisionedProductId = provisionedProductId, PageToken = token, PageSize = 20 }, identity, ct),
                page => ToOutputs(page.Outputs),
                page => page.NextPageToken,
            cancellationToken).ConfigureAwait(false))
            {
                outputs.Add(output);
            }
        }
        catch (GatewayException ex)
        {
            return ex.Error;
        }

        return outputs;
    }
}
