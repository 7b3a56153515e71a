using Portal.Aws.Configuration;
using Portal.Aws.Protocols;

namespace Portal.Aws.Iam;

/// <summary>Every IAM operation the portal sends (aws-wire.md §2), with its typed shapes.</summary>
internal static class IamOperations
{
    private static readonly AwsService Iam = AwsService.Iam;

    public static readonly AwsOperation<IamRoleNameRequest, IamGetRoleResponse> GetRole = new(Iam, "GetRole");
    public static readonly AwsOperation<IamListRolesRequest, IamListRolesResponse> ListRoles = new(Iam, "ListRoles");
    public static readonly AwsOperation<IamListRoleItemsRequest, IamListAttachedRolePoliciesResponse> ListAttachedRolePolicies = new(Iam, "ListAttachedRolePolicies");
    public static readonly AwsOperation<IamListRoleItemsRequest, IamListRolePoliciesResponse> ListRolePolicies = new(Iam, "ListRolePolicies");
    public static readonly AwsOperation<IamGetRolePolicyRequest, IamGetRolePolicyResponse> GetRolePolicy = new(Iam, "GetRolePolicy");
    public static readonly AwsOperation<IamSimulatePrincipalPolicyRequest, IamSimulatePrincipalPolicyResponse> SimulatePrincipalPolicy = new(Iam, "SimulatePrincipalPolicy");
    public static readonly AwsOperation<IamCreateRoleRequest, IamCreateRoleResponse> CreateRole = new(Iam, "CreateRole");
}
