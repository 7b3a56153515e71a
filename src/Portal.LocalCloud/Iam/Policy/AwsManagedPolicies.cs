namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// Approximations of the AWS-managed policies our templates attach (iam-evaluation.md §7). They keep each policy's
/// shape (service wildcards, NotResource carve-outs, PassRole conditions) but not every one of AWS's statements.
/// </summary>
public static class AwsManagedPolicies
{
    public const string ArnPrefix = "arn:aws:iam::aws:policy/";

    private static readonly Dictionary<string, string> Documents = new(StringComparer.Ordinal)
    {
        ["AmazonSageMakerFullAccess"] = """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"AllowAllNonAdminSageMakerActions","Effect":"Allow","Action":["sagemaker:*","sagemaker-geospatial:*"],
              "NotResource":["arn:aws:sagemaker:*:*:domain/*","arn:aws:sagemaker:*:*:user-profile/*","arn:aws:sagemaker:*:*:app/*",
                "arn:aws:sagemaker:*:*:space/*","arn:aws:sagemaker:*:*:partner-app/*","arn:aws:sagemaker:*:*:flow-definition/*",
                "arn:aws:sagemaker:*:*:training-plan/*","arn:aws:sagemaker:*:*:reserved-capacity/*"]},
             {"Sid":"AllowSupportActions","Effect":"Allow","Action":["application-autoscaling:*","cloudwatch:*","logs:*",
               "ec2:CreateNetworkInterface","ec2:CreateNetworkInterfacePermission","ec2:DeleteNetworkInterface","ec2:DeleteNetworkInterfacePermission",
               "ec2:Describe*","ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer",
               "ecr:Describe*","kms:DescribeKey","kms:ListAliases","servicecatalog:Describe*","servicecatalog:List*","servicecatalog:Search*",
               "iam:ListRoles","iam:GetRole","codecommit:BatchGetRepositories","codecommit:GitPull","codecommit:ListRepositories",
               "sns:ListTopics","lambda:ListFunctions","servicecatalog:ProvisionProduct"],"Resource":"*"},
             {"Sid":"AllowSageMakerBuckets","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:AbortMultipartUpload"],
              "Resource":["arn:aws:s3:::*SageMaker*","arn:aws:s3:::*Sagemaker*","arn:aws:s3:::*sagemaker*"]},
             {"Sid":"AllowBucketListing","Effect":"Allow","Action":["s3:CreateBucket","s3:GetBucketLocation","s3:ListBucket","s3:ListAllMyBuckets"],"Resource":"*"},
             {"Sid":"AllowPassRoleToSageMaker","Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::*:role/*",
              "Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}}}]}
            """,
        ["AmazonS3ReadOnlyAccess"] = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*","s3:Describe*","s3-object-lambda:Get*","s3-object-lambda:List*"],"Resource":"*"}]}
            """,
        ["AmazonS3FullAccess"] = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","s3-object-lambda:*"],"Resource":"*"}]}
            """,
        ["AWSServiceCatalogEndUserFullAccess"] = """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"AllowCloudFormationOnScStacks","Effect":"Allow","Action":["cloudformation:CreateStack","cloudformation:DeleteStack",
               "cloudformation:DescribeStackEvents","cloudformation:DescribeStacks","cloudformation:SetStackPolicy","cloudformation:ValidateTemplate",
               "cloudformation:UpdateStack","cloudformation:CreateChangeSet","cloudformation:DescribeChangeSet","cloudformation:ExecuteChangeSet",
               "cloudformation:ListChangeSets","cloudformation:DeleteChangeSet","cloudformation:TagResource","cloudformation:ListStackResources"],
              "Resource":["arn:aws:cloudformation:*:*:stack/SC-*","arn:aws:cloudformation:*:*:changeSet/SC-*"]},
             {"Sid":"AllowEndUserCatalogActions","Effect":"Allow","Action":["servicecatalog:DescribeProduct","servicecatalog:DescribeProductView",
               "servicecatalog:DescribeProvisioningParameters","servicecatalog:ListLaunchPaths","servicecatalog:ProvisionProduct",
               "servicecatalog:SearchProducts"],"Resource":"*"},
             {"Sid":"AllowOwnProvisionedProducts","Effect":"Allow","Action":["servicecatalog:DescribeProvisionedProduct","servicecatalog:DescribeRecord",
               "servicecatalog:ListRecordHistory","servicecatalog:ScanProvisionedProducts","servicecatalog:TerminateProvisionedProduct",
               "servicecatalog:UpdateProvisionedProduct","servicecatalog:SearchProvisionedProducts","servicecatalog:DescribeProvisionedProductPlan"],
              "Resource":"*","Condition":{"StringEquals":{"servicecatalog:userLevel":"self"}}}]}
            """,
        ["AWSServiceCatalogAdminFullAccess"] = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":["cloudformation:CreateStack","cloudformation:DeleteStack","cloudformation:DescribeStackEvents",
               "cloudformation:DescribeStacks","cloudformation:UpdateStack","cloudformation:ValidateTemplate","cloudformation:GetTemplateSummary",
               "cloudformation:CreateChangeSet","cloudformation:DescribeChangeSet","cloudformation:ExecuteChangeSet","cloudformation:DeleteChangeSet"],
              "Resource":["arn:aws:cloudformation:*:*:stack/SC-*","arn:aws:cloudformation:*:*:changeSet/SC-*"]},
             {"Effect":"Allow","Action":["servicecatalog:*","iam:GetGroup","iam:GetRole","iam:GetUser","iam:ListGroups","iam:ListRoles","iam:ListUsers"],"Resource":"*"},
             {"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"servicecatalog.amazonaws.com"}}}]}
            """,
        ["AWSCloudFormationFullAccess"] = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudformation:*","Resource":"*"}]}
            """,
        ["AWSCloudFormationReadOnlyAccess"] = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudformation:Describe*","cloudformation:BatchDescribe*",
              "cloudformation:Get*","cloudformation:List*","cloudformation:Detect*","cloudformation:EstimateTemplateCost","cloudformation:ValidateTemplate"],"Resource":"*"}]}
            """,
        ["AmazonSSMReadOnlyAccess"] = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:Describe*","ssm:Get*","ssm:List*"],"Resource":"*"}]}
            """,
        ["AmazonSSMFullAccess"] = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:*","ec2messages:*","logs:*","ssmmessages:*","cloudwatch:PutMetricData"],"Resource":"*"}]}
            """,
        ["AWSKeyManagementServicePowerUser"] = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:CreateAlias","kms:CreateKey","kms:DeleteAlias","kms:Describe*",
              "kms:GenerateRandom","kms:Get*","kms:List*","kms:TagResource","kms:UntagResource","iam:ListGroups","iam:ListRoles","iam:ListUsers"],"Resource":"*"}]}
            """,
        ["ReadOnlyAccess"] = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["*:Describe*","*:Get*","*:List*","sagemaker:Search","iam:Simulate*",
              "servicecatalog:Search*","servicecatalog:Scan*","cloudformation:Detect*"],"Resource":"*"}]}
            """,
        ["AWSCodeCommitReadOnly"] = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["codecommit:BatchGet*","codecommit:Describe*","codecommit:Get*",
              "codecommit:List*","codecommit:GitPull","events:DescribeRule","events:ListTargetsByRule","sns:ListTopics"],"Resource":"*"},
             {"Effect":"Allow","Action":["iam:ListSSHPublicKeys","iam:ListServiceSpecificCredentials","iam:GetSSHPublicKey"],"Resource":"arn:aws:iam::*:user/${aws:username}"}]}
            """,
        ["AWSCodeCommitFullAccess"] = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"codecommit:*","Resource":"*"},
             {"Effect":"Allow","Action":["events:DeleteRule","events:DescribeRule","events:PutRule","events:PutTargets","events:RemoveTargets","events:ListTargetsByRule"],
              "Resource":"arn:aws:events:*:*:rule/codecommit*"},
             {"Effect":"Allow","Action":["iam:ListSSHPublicKeys","iam:UploadSSHPublicKey","iam:DeleteSSHPublicKey","iam:GetSSHPublicKey",
               "iam:ListServiceSpecificCredentials","iam:CreateServiceSpecificCredential","iam:DeleteServiceSpecificCredential"],
              "Resource":"arn:aws:iam::*:user/${aws:username}"}]}
            """,
        ["AWSLambdaReadOnlyAccess"] = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["lambda:Get*","lambda:List*","s3:Get*","s3:List*","cloudwatch:Describe*",
              "cloudwatch:Get*","cloudwatch:List*","logs:Describe*","logs:Get*","logs:FilterLogEvents"],"Resource":"*"}]}
            """,
        ["AWSLambdaFullAccess"] = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["lambda:*","s3:*","dynamodb:*","cloudwatch:*","events:*","logs:*","iam:PassRole"],"Resource":"*"}]}
            """,
        ["job-function/DataScientist"] = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":"sagemaker:*","NotResource":["arn:aws:sagemaker:*:*:domain/*","arn:aws:sagemaker:*:*:user-profile/*","arn:aws:sagemaker:*:*:app/*"]},
             {"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:ListBucket","s3:GetBucketLocation","s3:ListAllMyBuckets"],"Resource":"*"},
             {"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}}}]}
            """,
    };

    private static readonly Dictionary<string, PolicyDocument> Parsed =
        Documents.ToDictionary(d => d.Key, d => PolicyDocument.Parse(d.Value), StringComparer.Ordinal);

    /// <summary>Names (path included, e.g. <c>job-function/DataScientist</c>) of the modelled policies.</summary>
    public static IReadOnlyCollection<string> Names => Documents.Keys;

    /// <summary>The policy for an ARN <c>arn:aws:iam::aws:policy/&lt;name&gt;</c> (also <c>service-role/</c> paths); null if not modelled.</summary>
    public static NamedPolicy? Find(string policyArn)
    {
        ArgumentNullException.ThrowIfNull(policyArn);
        var arn = policyArn.Replace("arn:aws-us-gov:", "arn:aws:", StringComparison.Ordinal).Replace("arn:aws-cn:", "arn:aws:", StringComparison.Ordinal);
        if (!arn.StartsWith(ArnPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = arn[ArnPrefix.Length..];
        return Parsed.TryGetValue(name, out var document)
            ? new NamedPolicy(name[(name.LastIndexOf('/') + 1)..], PolicySourceType.AwsManaged, document)
            : null;
    }
}
