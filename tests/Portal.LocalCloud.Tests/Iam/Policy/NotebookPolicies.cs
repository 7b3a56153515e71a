using Portal.LocalCloud.Iam.Policy;

namespace Portal.LocalCloud.Tests.Iam.Policy;

/// <summary>The workshop's notebook role policies (workshop.md §3): version 1 and the preventive version 2.</summary>
internal static class NotebookPolicies
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-2";
    public const string CallerArn = "arn:aws:sts::123456789012:assumed-role/ds-notebook-role-fraud-dev/SageMaker";
    public static readonly string[] Subnets = ["subnet-0aaa", "subnet-0bbb", "subnet-0ccc"];
    public const string SecurityGroup = "sg-0project";

    private const string Common = """
        {"Sid":"SsmParameters","Effect":"Allow","Action":["ssm:GetParameter","ssm:GetParameters"],"Resource":"arn:aws:ssm:eu-west-2:123456789012:parameter/ds-*"},
        {"Sid":"DataBuckets","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":["arn:aws:s3:::fraud-dev-data/*","arn:aws:s3:::fraud-dev-models/*"]},
        {"Sid":"PassRole","Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}}}
        """;

    public static readonly NamedPolicy Version1 = new("ds-notebook-policy-fraud-dev", PolicySourceType.Role, PolicyDocument.Parse($$"""
        {"Version":"2012-10-17","Statement":[
          {{Common}},
          {"Sid":"SageMakerAll","Effect":"Allow","Action":"sagemaker:*","Resource":"*"}]}
        """));

    public static readonly NamedPolicy Version2 = new("ds-notebook-policy-fraud-dev", PolicySourceType.Role, PolicyDocument.Parse("""
        {"Version":"2012-10-17","Statement":[
          COMMON,
          {"Sid":"SageMakerDenyWithoutVpc","Effect":"Deny",
           "Action":["sagemaker:CreateNotebookInstance","sagemaker:CreateHyperParameterTuningJob","sagemaker:CreateProcessingJob",
                     "sagemaker:CreateTrainingJob","sagemaker:CreateModel"],
           "Resource":"*","Condition":{"Null":{"sagemaker:VpcSubnets":"true"}}},
          {"Sid":"SageMakerWithinProjectVpc","Effect":"Allow","Action":"sagemaker:*","Resource":"*",
           "Condition":{"ForAllValues:StringEqualsIfExists":{
             "sagemaker:VpcSubnets":["subnet-0aaa","subnet-0bbb","subnet-0ccc"],
             "sagemaker:VpcSecurityGroupIds":["sg-0project"]}}}]}
        """.Replace("COMMON", Common, StringComparison.Ordinal)));

    public static readonly NamedPolicy S3ReadOnly = AwsManagedPolicies.Find("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")!;
}
