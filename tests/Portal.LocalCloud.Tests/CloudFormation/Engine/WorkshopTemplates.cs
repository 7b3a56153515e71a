namespace Portal.LocalCloud.Tests.CloudFormation.Engine;

/// <summary>Templates in the style of the workshop's ds_environment / ds_notebook_v1 / v2 (workshop.md §2–§3), trimmed.</summary>
internal static class WorkshopTemplates
{
    public const string NetworkUrl = "https://ds-templates.s3.eu-west-2.amazonaws.com/ds_env_network.yaml";

    public const string Network = """
        Parameters:
          ProjectName: { Type: String }
          EnvType: { Type: String }
          VpcCIDR: { Type: String, Default: 10.2.0.0/16 }
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: !Ref VpcCIDR
              EnableDnsSupport: true
              Tags: [{ Key: Name, Value: !Sub 'ds-vpc-${ProjectName}-${EnvType}' }]
          RouteTable:
            Type: AWS::EC2::RouteTable
            Properties: { VpcId: !Ref Vpc }
          Subnet1:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.2.1.0/24, AvailabilityZone: !Sub '${AWS::Region}a' }
          Subnet2:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.2.2.0/24, AvailabilityZone: !Sub '${AWS::Region}b' }
          Subnet3:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.2.3.0/24, AvailabilityZone: !Sub '${AWS::Region}c' }
          SageMakerSecurityGroup:
            Type: AWS::EC2::SecurityGroup
            Properties: { GroupDescription: SageMaker notebooks and jobs, VpcId: !Ref Vpc }
          S3Endpoint:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              VpcId: !Ref Vpc
              ServiceName: !Sub 'com.amazonaws.${AWS::Region}.s3'
              RouteTableIds: [!Ref RouteTable]
        Outputs:
          Subnet1: { Value: !Ref Subnet1, Export: { Name: !Sub 'ds-subnet1-${ProjectName}-${EnvType}' } }
          Subnet2: { Value: !Ref Subnet2, Export: { Name: !Sub 'ds-subnet2-${ProjectName}-${EnvType}' } }
          Subnet3: { Value: !Ref Subnet3, Export: { Name: !Sub 'ds-subnet3-${ProjectName}-${EnvType}' } }
          SecurityGroup: { Value: !Ref SageMakerSecurityGroup, Export: { Name: !Sub 'ds-sagemaker-sg-${ProjectName}-${EnvType}' } }
          S3Endpoint: { Value: !Ref S3Endpoint }
        """;

    public const string Environment = $$"""
        Parameters:
          ProjectName: { Type: String, AllowedPattern: '[A-Za-z0-9\-]*' }
          EnvType: { Type: String, Default: dev }
        Resources:
          Network:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: {{NetworkUrl}}
              Parameters: { ProjectName: !Ref ProjectName, EnvType: !Ref EnvType }
          KmsKey:
            Type: AWS::KMS::Key
            Properties: { Description: !Sub 'ds-kms-cmk-${ProjectName}-${EnvType}', EnableKeyRotation: true }
          KmsAlias:
            Type: AWS::KMS::Alias
            Properties: { AliasName: !Sub 'alias/ds-kms-cmk-${ProjectName}-${EnvType}', TargetKeyId: !Ref KmsKey }
          DataBucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub
                - 'ds-data-bucket-${ProjectName}-${EnvType}-${Tail}'
                - { Tail: !Select [4, !Split ['-', !Select [2, !Split ['/', !Ref 'AWS::StackId']]]] }
              BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: !GetAtt KmsKey.Arn } }] }
          DataBucketPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref DataBucket
              PolicyDocument:
                Statement:
                  - Effect: Deny
                    Principal: '*'
                    Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket']
                    Resource: [!GetAtt DataBucket.Arn, !Sub '${DataBucket.Arn}/*']
                    Condition: { StringNotEquals: { 'aws:sourceVpce': !GetAtt Network.Outputs.S3Endpoint } }
          KmsArnParameter:
            Type: AWS::SSM::Parameter
            Properties: { Name: !Sub 'ds-kms-cmk-${ProjectName}-${EnvType}-arn', Type: String, Value: !GetAtt KmsKey.Arn }
        Outputs:
          DataBucket: { Value: !Ref DataBucket, Export: { Name: !Sub 'ds-s3-data-${ProjectName}-${EnvType}' } }
        """;

    private const string NotebookHead = """
        Parameters:
          ProjectName: { Type: String }
          EnvType: { Type: String, Default: dev }
          NotebookOwnerUsername: { Type: String }
          InstanceType: { Type: String, Default: ml.t3.medium, AllowedValues: [ml.t3.medium, ml.t3.2xlarge, ml.m5.xlarge, ml.c5.2xlarge, ml.p3.2xlarge] }
          NotebookSubnet: { Type: String, Default: '1', AllowedValues: ['1', '2', '3'] }
        Resources:
          NotebookRole:
            Type: AWS::IAM::Role
            Properties:
              RoleName: !Sub 'ds-notebook-role-${ProjectName}-${EnvType}-${NotebookOwnerUsername}'
              Path: /service-role/
              AssumeRolePolicyDocument:
                Version: 2012-10-17
                Statement: [{ Effect: Allow, Principal: { Service: sagemaker.amazonaws.com }, Action: sts:AssumeRole }]
              ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
          EbsKey:
            Type: AWS::KMS::Key
            Properties: { EnableKeyRotation: true }
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              NotebookInstanceName: !Sub 'ds-notebook-${ProjectName}-${EnvType}-${NotebookOwnerUsername}'
              InstanceType: !Ref InstanceType
              RoleArn: !GetAtt NotebookRole.Arn
              DirectInternetAccess: Disabled
              KmsKeyId: !Ref EbsKey
              SubnetId: !ImportValue { 'Fn::Sub': 'ds-subnet${NotebookSubnet}-${ProjectName}-${EnvType}' }
              SecurityGroupIds: [!ImportValue { 'Fn::Sub': 'ds-sagemaker-sg-${ProjectName}-${EnvType}' }]
              Tags:
                - { Key: NotebookOwnerUsername, Value: !Ref NotebookOwnerUsername }
                - { Key: ProjectName, Value: !Ref ProjectName }
          NotebookPolicy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              ManagedPolicyName: !Sub 'ds-notebook-policy-${ProjectName}-${EnvType}-${NotebookOwnerUsername}'
              Roles: [!Ref NotebookRole]
              PolicyDocument:
                Version: 2012-10-17
                Statement:
                  - Sid: SsmParameters
                    Effect: Allow
                    Action: ['ssm:GetParameter', 'ssm:GetParameters']
                    Resource: !Sub 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/ds-*'
        """;

    public const string NotebookV1 = NotebookHead + """

                  - Sid: SageMakerAll
                    Effect: Allow
                    Action: 'sagemaker:*'
                    Resource: '*'
        Outputs:
          NotebookArn: { Value: !Ref Notebook }
        """;

    public const string NotebookV2 = NotebookHead + """

                  - Sid: SageMakerDenyWithoutVpc
                    Effect: Deny
                    Action: ['sagemaker:CreateNotebookInstance', 'sagemaker:CreateHyperParameterTuningJob', 'sagemaker:CreateProcessingJob', 'sagemaker:CreateTrainingJob', 'sagemaker:CreateModel']
                    Resource: '*'
                    Condition: { 'Null': { 'sagemaker:VpcSubnets': 'true' } }
                  - Sid: SageMakerWithinProjectVpc
                    Effect: Allow
                    Action: 'sagemaker:*'
                    Resource: '*'
                    Condition:
                      'ForAllValues:StringEqualsIfExists':
                        'sagemaker:VpcSubnets':
                          - !ImportValue { 'Fn::Sub': 'ds-subnet1-${ProjectName}-${EnvType}' }
                          - !ImportValue { 'Fn::Sub': 'ds-subnet2-${ProjectName}-${EnvType}' }
                          - !ImportValue { 'Fn::Sub': 'ds-subnet3-${ProjectName}-${EnvType}' }
                        'sagemaker:VpcSecurityGroupIds':
                          - !ImportValue { 'Fn::Sub': 'ds-sagemaker-sg-${ProjectName}-${EnvType}' }
        Outputs:
          NotebookArn: { Value: !Ref Notebook }
        """;

    /// <summary>The environment's TEMPLATE constraint on the notebook product: ProjectName must equal the environment's.</summary>
    public const string ProjectNameConstraint = """
        {"Rules":{"ProjectNameConstraint":{"Assertions":[{"Assert":{"Fn::Equals":[{"Ref":"ProjectName"},"fraud"]},
          "AssertDescription":"ProjectName must be fraud"}]}}}
        """;
}
