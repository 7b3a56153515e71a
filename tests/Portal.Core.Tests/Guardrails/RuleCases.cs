namespace Portal.Core.Tests.Guardrails;

/// <summary>For every baseline rule: a compliant and a non-compliant template (Resources section only).</summary>
internal static class RuleCases
{
    public static readonly IReadOnlyList<(string RuleId, string Compliant, string NonCompliant)> All =
    [
        ("SM-NB-001", Notebook("DirectInternetAccess: Disabled"), Notebook("DirectInternetAccess: Enabled")),
        ("SM-NB-002", Notebook("RootAccess: Disabled"), Notebook("RootAccess: Enabled")),
        ("SM-NB-003", Notebook(), Notebook().Replace("      KmsKeyId: !Ref Key\n", "", StringComparison.Ordinal)),
        ("SM-NB-004", Notebook(), Notebook().Replace("      SubnetId: subnet-1\n", "", StringComparison.Ordinal)),
        ("SM-JOB-001", Training("VpcConfig: { Subnets: [subnet-1], SecurityGroupIds: [sg-1] }"), Training()),
        ("SM-JOB-002", Training("ResourceConfig: { VolumeKmsKeyId: key-1 }", "OutputDataConfig: { KmsKeyId: key-1 }"), Training("ResourceConfig: { VolumeKmsKeyId: key-1 }")),
        ("SM-JOB-003", Training("EnableInterContainerTrafficEncryption: true"), Training("EnableInterContainerTrafficEncryption: false")),
        ("SM-EP-001", EndpointConfig("KmsKeyId: key-1"), EndpointConfig()),
        ("SM-EP-002", EndpointConfig("DataCaptureConfig: { KmsKeyId: key-1, InitialSamplingPercentage: 100 }"), EndpointConfig("DataCaptureConfig: { InitialSamplingPercentage: 100 }")),
        ("S3-001", Bucket("BucketEncryption: { ServerSideEncryptionConfiguration: [ { ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: key-1 } } ] }"),
            Bucket("BucketEncryption: { ServerSideEncryptionConfiguration: [ { ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 } } ] }")),
        ("S3-002", Bucket("PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }"),
            Bucket("PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true }")),
        ("S3-003", Bucket() + BucketPolicy("Bool: { aws:SecureTransport: 'false' }"), Bucket() + BucketPolicy("StringNotEquals: { aws:SourceVpce: vpce-1 }")),
        ("S3-004", Bucket() + BucketPolicy("StringNotEquals: { aws:SourceVpce: vpce-1 }"), Bucket() + BucketPolicy("Bool: { aws:SecureTransport: 'false' }")),
        ("IAM-001", Policy("Allow", "s3:GetObject", "'*'"), Policy("Allow", "'*'", "'*'")),
        ("IAM-002", Policy("Allow", "iam:PassRole", "'*'", "StringEquals: { iam:PassedToService: sagemaker.amazonaws.com }"), Policy("Allow", "iam:PassRole", "'*'")),
        ("IAM-003", Policy("Allow", "sagemaker:CreateTrainingJob", "'*'", "'Null': { sagemaker:VpcSubnets: 'false' }"), Policy("Allow", "sagemaker:CreateTrainingJob", "'*'")),
        ("IAM-004", Policy("Allow", "sagemaker:CreateProcessingJob", "'*'", "'Null': { sagemaker:VolumeKmsKey: 'false', sagemaker:OutputKmsKey: 'false' }"),
            Policy("Allow", "sagemaker:CreateProcessingJob", "'*'", "'Null': { sagemaker:VolumeKmsKey: 'false' }")),
        ("IAM-005", Policy("Allow", "sagemaker:CreateTrainingJob", "'*'", "Bool: { sagemaker:InterContainerTrafficEncryption: 'true' }"),
            Policy("Allow", "sagemaker:CreateTrainingJob", "'*'", "BoolIfExists: { sagemaker:InterContainerTrafficEncryption: 'true' }")),
        ("NET-001", "  Vpc:\n    Type: AWS::EC2::VPC\n", "  Igw:\n    Type: AWS::EC2::InternetGateway\n"),
        ("NET-002", "  Vpc:\n    Type: AWS::EC2::VPC\n", "  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties: { SubnetId: subnet-1 }\n"),
        ("NET-003", Route("10.0.0.0/8"), Route("0.0.0.0/0")),
        ("NET-004", "  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.2.0.0/16 }\n",
            "  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.2.0.0/16 }\n        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }\n"),
        ("NET-005", "  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: { Type: network, Scheme: internal, Subnets: [subnet-1] }\n",
            "  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: { Type: network, Subnets: [subnet-1] }\n"),
        ("NET-006", "  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: vpc-1, CidrBlock: 10.2.1.0/24, MapPublicIpOnLaunch: false }\n",
            "  Mirror:\n    Type: AWS::ECS::Service\n    Properties:\n      NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: ENABLED, Subnets: [subnet-1] } }\n"),
        ("KMS-001", "  Key:\n    Type: AWS::KMS::Key\n    Properties: { EnableKeyRotation: true }\n", "  Key:\n    Type: AWS::KMS::Key\n    Properties: { Description: data }\n"),
    ];

    public static string Template(string resources) => "Resources:\n" + resources;

    public static string Notebook(params string[] extra) =>
        "  Key:\n    Type: AWS::KMS::Key\n    Properties: { EnableKeyRotation: true }\n"
        + "  Notebook:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n"
        + "      InstanceType: ml.t3.medium\n      RoleArn: arn:aws:iam::1:role/r\n"
        + "      KmsKeyId: !Ref Key\n      SubnetId: subnet-1\n      SecurityGroupIds: [sg-1]\n"
        + string.Concat(extra.Select(e => $"      {e}\n"));

    private static string Training(params string[] extra) =>
        "  Job:\n    Type: AWS::SageMaker::TrainingJob\n    Properties:\n      TrainingJobName: j\n" + string.Concat(extra.Select(e => $"      {e}\n"));

    private static string EndpointConfig(params string[] extra) =>
        "  Config:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants: [ { ModelName: m, VariantName: AllTraffic, InitialInstanceCount: 1, InstanceType: ml.m5.xlarge } ]\n"
        + string.Concat(extra.Select(e => $"      {e}\n"));

    private static string Bucket(params string[] extra) =>
        "  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data\n" + string.Concat(extra.Select(e => $"      {e}\n"));

    private static string BucketPolicy(string condition) =>
        "  BucketPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Statement:\n"
        + "          - Effect: Deny\n            Principal: '*'\n            Action: 's3:*'\n            Resource: [!GetAtt Bucket.Arn, !Sub '${Bucket.Arn}/*']\n"
        + $"            Condition: {{ {condition} }}\n";

    private static string Policy(string effect, string action, string resource, string? condition = null) =>
        "  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n"
        + $"          - Effect: {effect}\n            Action: {action}\n            Resource: {resource}\n"
        + (condition is null ? string.Empty : $"            Condition: {{ {condition} }}\n");

    private static string Route(string cidr) =>
        $"  Route:\n    Type: AWS::EC2::Route\n    Properties: {{ RouteTableId: rtb-1, DestinationCidrBlock: {cidr}, GatewayId: igw-1 }}\n";
}
