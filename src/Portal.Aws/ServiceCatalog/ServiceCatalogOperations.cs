using Portal.Aws.Configuration;
using Portal.Aws.Protocols;

namespace Portal.Aws.ServiceCatalog;

/// <summary>Every Service Catalog operation the portal sends (aws-wire.md §2), with its typed shapes.</summary>
internal static class ServiceCatalogOperations
{
    private static readonly AwsService Sc = AwsService.ServiceCatalog;

    public static readonly AwsOperation<ScCreatePortfolioRequest, ScCreatePortfolioResponse> CreatePortfolio = new(Sc, "CreatePortfolio");
    public static readonly AwsOperation<ScListPortfoliosRequest, ScListPortfoliosResponse> ListPortfolios = new(Sc, "ListPortfolios");
    public static readonly AwsOperation<ScIdRequest, ScDescribePortfolioResponse> DescribePortfolio = new(Sc, "DescribePortfolio");
    public static readonly AwsOperation<ScIdRequest, ScEmptyResponse> DeletePortfolio = new(Sc, "DeletePortfolio");
    public static readonly AwsOperation<ScCreateProductRequest, ScCreateProductResponse> CreateProduct = new(Sc, "CreateProduct");
    public static readonly AwsOperation<ScSearchProductsAsAdminRequest, ScSearchProductsAsAdminResponse> SearchProductsAsAdmin = new(Sc, "SearchProductsAsAdmin");
    public static readonly AwsOperation<ScIdRequest, ScDescribeProductAsAdminResponse> DescribeProductAsAdmin = new(Sc, "DescribeProductAsAdmin");
    public static readonly AwsOperation<ScCreateProvisioningArtifactRequest, ScCreateProvisioningArtifactResponse> CreateProvisioningArtifact = new(Sc, "CreateProvisioningArtifact");
    public static readonly AwsOperation<ScListProvisioningArtifactsRequest, ScListProvisioningArtifactsResponse> ListProvisioningArtifacts = new(Sc, "ListProvisioningArtifacts");
    public static readonly AwsOperation<ScUpdateProvisioningArtifactRequest, ScUpdateProvisioningArtifactResponse> UpdateProvisioningArtifact = new(Sc, "UpdateProvisioningArtifact");
    public static readonly AwsOperation<ScAssociateProductWithPortfolioRequest, ScEmptyResponse> AssociateProductWithPortfolio = new(Sc, "AssociateProductWithPortfolio");
    public static readonly AwsOperation<ScCreateConstraintRequest, ScCreateConstraintResponse> CreateConstraint = new(Sc, "CreateConstraint");
    public static readonly AwsOperation<ScListConstraintsForPortfolioRequest, ScListConstraintsForPortfolioResponse> ListConstraintsForPortfolio = new(Sc, "ListConstraintsForPortfolio");
    public static readonly AwsOperation<ScAssociatePrincipalWithPortfolioRequest, ScEmptyResponse> AssociatePrincipalWithPortfolio = new(Sc, "AssociatePrincipalWithPortfolio");
    public static readonly AwsOperation<ScListPrincipalsForPortfolioRequest, ScListPrincipalsForPortfolioResponse> ListPrincipalsForPortfolio = new(Sc, "ListPrincipalsForPortfolio");
    public static readonly AwsOperation<ScCreateTagOptionRequest, ScCreateTagOptionResponse> CreateTagOption = new(Sc, "CreateTagOption");
    public static readonly AwsOperation<ScAssociateTagOptionWithResourceRequest, ScEmptyResponse> AssociateTagOptionWithResource = new(Sc, "AssociateTagOptionWithResource");
    public static readonly AwsOperation<ScSearchProductsRequest, ScSearchProductsResponse> SearchProducts = new(Sc, "SearchProducts");
    public static readonly AwsOperation<ScIdRequest, ScDescribeProductResponse> DescribeProduct = new(Sc, "DescribeProduct");
    public static readonly AwsOperation<ScDescribeProvisioningParametersRequest, ScDescribeProvisioningParametersResponse> DescribeProvisioningParameters = new(Sc, "DescribeProvisioningParameters");
    public static readonly AwsOperation<ScProvisionProductRequest, ScRecordResponse> ProvisionProduct = new(Sc, "ProvisionProduct");
    public static readonly AwsOperation<ScUpdateProvisionedProductRequest, ScRecordResponse> UpdateProvisionedProduct = new(Sc, "UpdateProvisionedProduct");
    public static readonly AwsOperation<ScTerminateProvisionedProductRequest, ScRecordResponse> TerminateProvisionedProduct = new(Sc, "TerminateProvisionedProduct");
    public static readonly AwsOperation<ScDescribeRecordRequest, ScDescribeRecordResponse> DescribeRecord = new(Sc, "DescribeRecord");
    public static readonly AwsOperation<ScListRecordHistoryRequest, ScListRecordHistoryResponse> ListRecordHistory = new(Sc, "ListRecordHistory");
    public static readonly AwsOperation<ScSearchProvisionedProductsRequest, ScSearchProvisionedProductsResponse> SearchProvisionedProducts = new(Sc, "SearchProvisionedProducts");
    public static readonly AwsOperation<ScIdRequest, ScDescribeProvisionedProductResponse> DescribeProvisionedProduct = new(Sc, "DescribeProvisionedProduct");
    public static readonly AwsOperation<ScGetProvisionedProductOutputsRequest, ScGetProvisionedProductOutputsResponse> GetProvisionedProductOutputs = new(Sc, "GetProvisionedProductOutputs");
}
