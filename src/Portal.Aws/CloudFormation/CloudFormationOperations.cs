using Portal.Aws.Configuration;
using Portal.Aws.Protocols;

namespace Portal.Aws.CloudFormation;

/// <summary>Every CloudFormation operation the portal sends, with its typed shapes.</summary>
internal static class CloudFormationOperations
{
    private static readonly AwsService Cfn = AwsService.CloudFormation;

    public static readonly AwsOperation<CfnCreateStackRequest, CfnStackIdResponse> CreateStack = new(Cfn, "CreateStack");
    public static readonly AwsOperation<CfnUpdateStackRequest, CfnStackIdResponse> UpdateStack = new(Cfn, "UpdateStack");
    public static readonly AwsOperation<CfnDeleteStackRequest, CfnEmptyResponse> DeleteStack = new(Cfn, "DeleteStack");
    public static readonly AwsOperation<CfnStackNameRequest, CfnDescribeStacksResponse> DescribeStacks = new(Cfn, "DescribeStacks");
    public static readonly AwsOperation<CfnStackNameRequest, CfnDescribeStackEventsResponse> DescribeStackEvents = new(Cfn, "DescribeStackEvents");
    public static readonly AwsOperation<CfnDescribeStackResourcesRequest, CfnDescribeStackResourcesResponse> DescribeStackResources = new(Cfn, "DescribeStackResources");
    public static readonly AwsOperation<CfnValidateTemplateRequest, CfnValidateTemplateResponse> ValidateTemplate = new(Cfn, "ValidateTemplate");
    public static readonly AwsOperation<CfnGetTemplateRequest, CfnGetTemplateResponse> GetTemplate = new(Cfn, "GetTemplate");
    public static readonly AwsOperation<CfnListExportsRequest, CfnListExportsResponse> ListExports = new(Cfn, "ListExports");
}
