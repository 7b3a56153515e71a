namespace Portal.Aws.ServiceCatalog;

// Request and response shapes, member names exactly as in botocore's servicecatalog 2015-12-10 model.
internal sealed record ScTag { public string? Key { get; init; } public string? Value { get; init; } }

internal sealed record ScPortfolioDetail { public string? Id { get; init; } public string? ARN { get; init; } public string? DisplayName { get; init; } public string? Description { get; init; } public DateTimeOffset? CreatedTime { get; init; } public string? ProviderName { get; init; } }

internal sealed record ScCreatePortfolioRequest { public required string DisplayName { get; init; } public string? Description { get; init; } public required string ProviderName { get; init; } public IReadOnlyList<ScTag>? Tags { get; init; } public required string IdempotencyToken { get; init; } }

internal sealed record ScCreatePortfolioResponse { public ScPortfolioDetail? PortfolioDetail { get; init; } public IReadOnlyList<ScTag>? Tags { get; init; } }

internal sealed record ScListPortfoliosRequest { public string? PageToken { get; init; } public int? PageSize { get; init; } }

internal sealed record ScListPortfoliosResponse { public IReadOnlyList<ScPortfolioDetail>? PortfolioDetails { get; init; } public string? NextPageToken { get; init; } }

internal sealed record ScIdRequest { public required string Id { get; init; } }

internal sealed record ScDescribePortfolioResponse { public ScPortfolioDetail? PortfolioDetail { get; init; } public IReadOnlyList<ScTag>? Tags { get; init; } }

internal sealed record ScEmptyResponse;

internal sealed record ScProvisioningArtifactProperties { public string? Name { get; init; } public string? Description { get; init; } public required Dictionary<string, string> Info { get; init; } public string? Type { get; init; } public bool? DisableTemplateValidation { get; init; } }

internal sealed record ScCreateProductRequest
{
    public required string Name { get; init; }
    public required string Owner { get; init; }
    public string? Description { get; init; }
    public string? Distributor { get; init; }
    public string? SupportEmail { get; init; }
    public required string ProductType { get; init; }
    public IReadOnlyList<ScTag>? Tags { get; init; }
    public ScProvisioningArtifactProperties? ProvisioningArtifactParameters { get; init; }
    public required string IdempotencyToken { get; init; }
}

internal sealed record ScProductViewSummary { public string? Id { get; init; } public string? ProductId { get; init; } public string? Name { get; init; } public string? Owner { get; init; } public string? ShortDescription { get; init; } public string? Type { get; init; } public string? Distributor { get; init; } }

internal sealed record ScProductViewDetail { public ScProductViewSummary? ProductViewSummary { get; init; } public string? Status { get; init; } public string? ProductARN { get; init; } public DateTimeOffset? CreatedTime { get; init; } }

internal sealed record ScProvisioningArtifactDetail { public string? Id { get; init; } public string? Name { get; init; } public string? Description { get; init; } public string? Type { get; init; } public DateTimeOffset? CreatedTime { get; init; } public bool? Active { get; init; } public string? Guidance { get; init; } }

internal sealed record ScCreateProductResponse { public ScProductViewDetail? ProductViewDetail { get; init; } public ScProvisioningArtifactDetail? ProvisioningArtifactDetail { get; init; } public IReadOnlyList<ScTag>? Tags { get; init; } }

internal sealed record ScSearchProductsAsAdminRequest { public string? PortfolioId { get; init; } public Dictionary<string, IReadOnlyList<string>>? Filters { get; init; } public string? SortBy { get; init; } public string? SortOrder { get; init; } public string? PageToken { get; init; } public int? PageSize { get; init; } }

internal sealed record ScSearchProductsAsAdminResponse { public IReadOnlyList<ScProductViewDetail>? ProductViewDetails { get; init; } public string? NextPageToken { get; init; } }

internal sealed record ScProvisioningArtifactSummary { public string? Id { get; init; } public string? Name { get; init; } public string? Description { get; init; } public DateTimeOffset? CreatedTime { get; init; } }

internal sealed record ScDescribeProductAsAdminResponse { public ScProductViewDetail? ProductViewDetail { get; init; } public IReadOnlyList<ScProvisioningArtifactSummary>? ProvisioningArtifactSummaries { get; init; } public IReadOnlyList<ScTag>? Tags { get; init; } }

internal sealed record ScCreateProvisioningArtifactRequest { public required string ProductId { get; init; } public required ScProvisioningArtifactProperties Parameters { get; init; } public required string IdempotencyToken { get; init; } }

internal sealed record ScCreateProvisioningArtifactResponse { public ScProvisioningArtifactDetail? ProvisioningArtifactDetail { get; init; } public string? Status { get; init; } }

internal sealed record ScListProvisioningArtifactsRequest { public required string ProductId { get; init; } }

internal sealed record ScListProvisioningArtifactsResponse { public IReadOnlyList<ScProvisioningArtifactDetail>? ProvisioningArtifactDetails { get; init; } }

internal sealed record ScUpdateProvisioningArtifactRequest { public required string ProductId { get; init; } public required string ProvisioningArtifactId { get; init; } public string? Name { get; init; } public string? Description { get; init; } public bool? Active { get; init; } public string? Guidance { get; init; } }

internal sealed record ScUpdateProvisioningArtifactResponse { public ScProvisioningArtifactDetail? ProvisioningArtifactDetail { get; init; } public string? Status { get; init; } }

internal sealed record ScAssociateProductWithPortfolioRequest { public required string ProductId { get; init; } public required string PortfolioId { get; init; } }

internal sealed record ScCreateConstraintRequest { public required string PortfolioId { get; init; } public required string ProductId { get; init; } public required string Parameters { get; init; } public required string Type { get; init; } public string? Description { get; init; } public required string IdempotencyToken { get; init; } }

internal sealed record ScConstraintDetail { public string? ConstraintId { get; init; } public string? Type { get; init; } public string? Description { get; init; } public string? Owner { get; init; } public string? ProductId { get; init; } public string? PortfolioId { get; init; } }

internal sealed record ScCreateConstraintResponse { public ScConstraintDetail? ConstraintDetail { get; init; } public string? ConstraintParameters { get; init; } public string? Status { get; init; } }

internal sealed record ScListConstraintsForPortfolioRequest { public required string PortfolioId { get; init; } public string? ProductId { get; init; } public int? PageSize { get; init; } public string? PageToken { get; init; } }

internal sealed record ScListConstraintsForPortfolioResponse { public IReadOnlyList<ScConstraintDetail>? ConstraintDetails { get; init; } public string? NextPageToken { get; init; } }

internal sealed record ScAssociatePrincipalWithPortfolioRequest { public required string PortfolioId { get; init; } public required string PrincipalARN { get; init; } public required string PrincipalType { get; init; } }

internal sealed record ScListPrincipalsForPortfolioRequest { public required string PortfolioId { get; init; } public int? PageSize { get; init; } public string? PageToken { get; init; } }

internal sealed record ScPrincipal { public string? PrincipalARN { get; init; } public string? PrincipalType { get; init; } }

internal sealed record ScListPrincipalsForPortfolioResponse { public IReadOnlyList<ScPrincipal>? Principals { get; init; } public string? NextPageToken { get; init; } }

internal sealed record ScCreateTagOptionRequest { public required string Key { get; init; } public required string Value { get; init; } }

internal sealed record ScTagOptionDetail { public string? Key { get; init; } public string? Value { get; init; } public bool? Active { get; init; } public string? Id { get; init; } }

internal sealed record ScCreateTagOptionResponse { public ScTagOptionDetail? TagOptionDetail { get; init; } }

internal sealed record ScAssociateTagOptionWithResourceRequest { public required string ResourceId { get; init; } public required string TagOptionId { get; init; } }

internal sealed record ScSearchProductsRequest { public Dictionary<string, IReadOnlyList<string>>? Filters { get; init; } public int? PageSize { get; init; } public string? SortBy { get; init; } public string? SortOrder { get; init; } public string? PageToken { get; init; } }

internal sealed record ScSearchProductsResponse { public IReadOnlyList<ScProductViewSummary>? ProductViewSummaries { get; init; } public string? NextPageToken { get; init; } }

internal sealed record ScProvisioningArtifact { public string? Id { get; init; } public string? Name { get; init; } public string? Description { get; init; } public DateTimeOffset? CreatedTime { get; init; } public string? Guidance { get; init; } }

internal sealed record ScLaunchPath { public string? Id { get; init; } public string? Name { get; init; } }

internal sealed record ScDescribeProductResponse { public ScProductViewSummary? ProductViewSummary { get; init; } public IReadOnlyList<ScProvisioningArtifact>? ProvisioningArtifacts { get; init; } public IReadOnlyList<ScLaunchPath>? LaunchPaths { get; init; } }

internal sealed record ScDescribeProvisioningParametersRequest { public string? ProductId { get; init; } public string? ProvisioningArtifactId { get; init; } public string? PathId { get; init; } }

internal sealed record ScParameterConstraints { public IReadOnlyList<string>? AllowedValues { get; init; } public string? AllowedPattern { get; init; } public string? ConstraintDescription { get; init; } public string? MaxLength { get; init; } public string? MinLength { get; init; } public string? MaxValue { get; init; } public string? MinValue { get; init; } }

internal sealed record ScProvisioningArtifactParameter { public string? ParameterKey { get; init; } public string? DefaultValue { get; init; } public string? ParameterType { get; init; } public bool? IsNoEcho { get; init; } public string? Description { get; init; } public ScParameterConstraints? ParameterConstraints { get; init; } }

internal sealed record ScConstraintSummary { public string? Type { get; init; } public string? Description { get; init; } }

internal sealed record ScDescribeProvisioningParametersResponse { public IReadOnlyList<ScProvisioningArtifactParameter>? ProvisioningArtifactParameters { get; init; } public IReadOnlyList<ScConstraintSummary>? ConstraintSummaries { get; init; } public IReadOnlyList<ScTagOptionSummary>? TagOptions { get; init; } }

internal sealed record ScTagOptionSummary { public string? Key { get; init; } public IReadOnlyList<string>? Values { get; init; } }

internal sealed record ScProvisioningParameter { public string? Key { get; init; } public string? Value { get; init; } }

internal sealed record ScUpdateProvisioningParameter { public string? Key { get; init; } public string? Value { get; init; } public bool? UsePreviousValue { get; init; } }

internal sealed record ScProvisionProductRequest
{
    public string? ProductId { get; init; }
    public string? ProvisioningArtifactId { get; init; }
    public string? PathId { get; init; }
    public required string ProvisionedProductName { get; init; }
    public IReadOnlyList<ScProvisioningParameter>? ProvisioningParameters { get; init; }
    public IReadOnlyList<ScTag>? Tags { get; init; }
    public required string ProvisionToken { get; init; }
}

internal sealed record ScRecordError { public string? Code { get; init; } public string? Description { get; init; } }

internal sealed record ScRecordDetail
{
    public string? RecordId { get; init; }
    public string? ProvisionedProductName { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public DateTimeOffset? UpdatedTime { get; init; }
    public string? ProvisionedProductType { get; init; }
    public string? RecordType { get; init; }
    public string? ProvisionedProductId { get; init; }
    public string? ProductId { get; init; }
    public string? ProvisioningArtifactId { get; init; }
    public string? PathId { get; init; }
    public IReadOnlyList<ScRecordError>? RecordErrors { get; init; }
    public string? LaunchRoleArn { get; init; }
}

internal sealed record ScRecordResponse { public ScRecordDetail? RecordDetail { get; init; } }

internal sealed record ScUpdateProvisionedProductRequest
{
    public string? ProvisionedProductId { get; init; }
    public string? ProvisioningArtifactId { get; init; }
    public string? PathId { get; init; }
    public IReadOnlyList<ScUpdateProvisioningParameter>? ProvisioningParameters { get; init; }
    public required string UpdateToken { get; init; }
}

internal sealed record ScTerminateProvisionedProductRequest { public string? ProvisionedProductId { get; init; } public required string TerminateToken { get; init; } public bool? IgnoreErrors { get; init; } public bool? RetainPhysicalResources { get; init; } }

internal sealed record ScDescribeRecordRequest { public required string Id { get; init; } public string? PageToken { get; init; } public int? PageSize { get; init; } }

internal sealed record ScRecordOutput { public string? OutputKey { get; init; } public string? OutputValue { get; init; } public string? Description { get; init; } }

internal sealed record ScDescribeRecordResponse { public ScRecordDetail? RecordDetail { get; init; } public IReadOnlyList<ScRecordOutput>? RecordOutputs { get; init; } public string? NextPageToken { get; init; } }

internal sealed record ScAccessLevelFilter { public string? Key { get; init; } public string? Value { get; init; } }

internal sealed record ScListRecordHistorySearchFilter { public string? Key { get; init; } public string? Value { get; init; } }

internal sealed record ScListRecordHistoryRequest { public ScAccessLevelFilter? AccessLevelFilter { get; init; } public ScListRecordHistorySearchFilter? SearchFilter { get; init; } public int? PageSize { get; init; } public string? PageToken { get; init; } }

internal sealed record ScListRecordHistoryResponse { public IReadOnlyList<ScRecordDetail>? RecordDetails { get; init; } public string? NextPageToken { get; init; } }

internal sealed record ScSearchProvisionedProductsRequest { public ScAccessLevelFilter? AccessLevelFilter { get; init; } public Dictionary<string, IReadOnlyList<string>>? Filters { get; init; } public string? SortBy { get; init; } public string? SortOrder { get; init; } public int? PageSize { get; init; } public string? PageToken { get; init; } }

internal sealed record ScProvisionedProductAttribute
{
    public string? Name { get; init; }
    public string? Arn { get; init; }
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Status { get; init; }
    public string? StatusMessage { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public string? LastRecordId { get; init; }
    public IReadOnlyList<ScTag>? Tags { get; init; }
    public string? ProductId { get; init; }
    public string? ProductName { get; init; }
    public string? ProvisioningArtifactId { get; init; }
    public string? ProvisioningArtifactName { get; init; }
    public string? UserArn { get; init; }
}

internal sealed record ScSearchProvisionedProductsResponse { public IReadOnlyList<ScProvisionedProductAttribute>? ProvisionedProducts { get; init; } public int? TotalResultsCount { get; init; } public string? NextPageToken { get; init; } }

internal sealed record ScProvisionedProductDetail
{
    public string? Name { get; init; }
    public string? Arn { get; init; }
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Status { get; init; }
    public string? StatusMessage { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public string? LastRecordId { get; init; }
    public string? ProductId { get; init; }
    public string? ProvisioningArtifactId { get; init; }
    public string? LaunchRoleArn { get; init; }
}

internal sealed record ScDescribeProvisionedProductResponse { public ScProvisionedProductDetail? ProvisionedProductDetail { get; init; } }

internal sealed record ScGetProvisionedProductOutputsRequest { public string? ProvisionedProductId { get; init; } public IReadOnlyList<string>? OutputKeys { get; init; } public int? PageSize { get; init; } public string? PageToken { get; init; } }

internal sealed record ScGetProvisionedProductOutputsResponse { public IReadOnlyList<ScRecordOutput>? Outputs { get; init; } public string? NextPageToken { get; init; } }
