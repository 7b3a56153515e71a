using Portal.Core.Guardrails;

namespace Portal.Core.Tests.Guardrails;

/// <summary>A project environment built the way the portal wants it passes every guardrail (no false positives).</summary>
public class SecureEnvironmentTests
{
    internal const string Environment = """
        AWSTemplateFormatVersion: "2010-09-09"
        Description: Secure data-science project environment
        Parameters:
          ProjectName: { Type: String, AllowedPattern: '[a-z0-9\-]*', MaxLength: 20 }
          EnvType: { Type: String, Default: dev, AllowedValues: [dev, test, prod] }
          VpcCIDR: { Type: String, Default: 10.2.0.0/16 }
        Conditions:
          IsProd: !Equals [!Ref EnvType, prod]
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: !Ref VpcCIDR, EnableDnsSupport: true, EnableDnsHostnames: true }
          Subnet1:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.2.1.0/24, AvailabilityZone: !Select [0, !GetAZs ''] }
          RouteTable:
            Type: AWS::EC2::RouteTable
            Properties: { VpcId: !Ref Vpc }
          SageMakerSecurityGroup:
            Type: AWS::EC2::SecurityGroup
            Properties: { GroupDescription: SageMaker, VpcId: !Ref Vpc }
          EndpointSecurityGroup:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: Interface endpoints
              VpcId: !Ref Vpc
              SecurityGroupIngress:
                - { IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: !Ref SageMakerSecurityGroup }
          S3Endpoint:
            Type: AWS::EC2::VPCEndpoint
            Properties:
              VpcId: !Ref Vpc
              ServiceName: !Sub 'com.amazonaws.${AWS::Region}.s3'
              RouteTableIds: [!Ref RouteTable]
          ProjectKey:
            Type: AWS::KMS::Key
            Properties:
              EnableKeyRotation: true
              KeyPolicy:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Principal: { AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' }
                    Action: 'kms:*'
                    Resource: '*'
          DataBucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub 'ds-data-bucket-${ProjectName}-${EnvType}'
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: !GetAtt ProjectKey.Arn }
              PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }
          DataBucketPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref DataBucket
              PolicyDocument:
                Statement:
                  - Effect: Deny
                    Principal: '*'
                    Action: [s3:GetObject, s3:PutObject, s3:ListBucket]
                    Resource: [!GetAtt DataBucket.Arn, !Sub '${DataBucket.Arn}/*']
                    Condition: { StringNotEquals: { aws:sourceVpce: !Ref S3Endpoint } }
                  - Effect: Deny
                    Principal: '*'
                    Action: 's3:*'
                    Resource: [!GetAtt DataBucket.Arn, !Sub '${DataBucket.Arn}/*']
                    Condition: { Bool: { aws:SecureTransport: 'false' } }
          NotebookRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement: [ { Effect: Allow, Principal: { Service: sagemaker.amazonaws.com }, Action: sts:AssumeRole } ]
              Policies:
                - PolicyName: preventive
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Deny
                        Action: [sagemaker:CreateNotebookInstance, sagemaker:CreateHyperParameterTuningJob, sagemaker:CreateProcessingJob, sagemaker:CreateTrainingJob, sagemaker:CreateModel]
                        Resource: '*'
                        Condition: { 'Null': { sagemaker:VpcSubnets: 'true' } }
                      - Effect: Deny
                        Action: [sagemaker:CreateHyperParameterTuningJob, sagemaker:CreateProcessingJob, sagemaker:CreateTrainingJob, sagemaker:CreateTransformJob]
                        Resource: '*'
                        Condition: { 'Null': { sagemaker:VolumeKmsKey: 'true' } }
                      - Effect: Deny
                        Action: [sagemaker:CreateHyperParameterTuningJob, sagemaker:CreateProcessingJob, sagemaker:CreateTrainingJob, sagemaker:CreateTransformJob]
                        Resource: '*'
                        Condition: { 'Null': { sagemaker:OutputKmsKey: 'true' } }
                      - Effect: Deny
                        Action: [sagemaker:CreateHyperParameterTuningJob, sagemaker:CreateProcessingJob, sagemaker:CreateTrainingJob]
                        Resource: '*'
                        Condition: { BoolIfExists: { sagemaker:InterContainerTrafficEncryption: 'false' } }
                      - Effect: Allow
                        Action: 'sagemaker:*'
                        Resource: '*'
                        Condition:
                          ForAllValues:StringEqualsIfExists:
                            sagemaker:VpcSubnets: [!Ref Subnet1]
                            sagemaker:VpcSecurityGroupIds: [!Ref SageMakerSecurityGroup]
                      - Effect: Allow
                        Action: iam:PassRole
                        Resource: '*'
                        Condition: { StringEquals: { iam:PassedToService: sagemaker.amazonaws.com } }
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: !If [IsProd, ml.m5.xlarge, ml.t3.medium]
              RoleArn: !GetAtt NotebookRole.Arn
              DirectInternetAccess: Disabled
              RootAccess: Disabled
              KmsKeyId: !Ref ProjectKey
              SubnetId: !Ref Subnet1
              SecurityGroupIds: [!Ref SageMakerSecurityGroup]
          EndpointConfig:
            Type: AWS::SageMaker::EndpointConfig
            Properties:
              KmsKeyId: !Ref ProjectKey
              ProductionVariants: [ { ModelName: m, VariantName: AllTraffic, InitialInstanceCount: 1, InstanceType: ml.m5.xlarge } ]
              DataCaptureConfig:
                InitialSamplingPercentage: 100
                DestinationS3Uri: !Sub 's3://${DataBucket}/capture'
                KmsKeyId: !Ref ProjectKey
                CaptureOptions: [ { CaptureMode: Input }, { CaptureMode: Output } ]
        Outputs:
          DataBucket:
            Value: !Ref DataBucket
            Export: { Name: !Sub 'ds-s3-data-${ProjectName}-${EnvType}' }
        """;

    [Fact]
    public void A_secure_project_environment_has_no_findings()
    {
        var template = TestTemplates.Parse(Environment);

        var report = new GuardrailEngine(TimeProvider.System).Evaluate(template, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(report.Findings.Select(f => $"{f.RuleId} {f.ResourceId}.{f.PropertyPath}: {f.Message}"));
    }

    [Fact]
    public void Adding_an_internet_gateway_and_default_route_to_it_is_caught()
    {
        const string internet = "  Igw:\n    Type: AWS::EC2::InternetGateway\n"
            + "  DefaultRoute:\n    Type: AWS::EC2::Route\n    Properties: { RouteTableId: !Ref RouteTable, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw }\n";
        var leaky = Environment.Replace("\nOutputs:", "\n" + internet + "Outputs:", StringComparison.Ordinal);

        var report = new GuardrailEngine(TimeProvider.System).Evaluate(TestTemplates.Parse(leaky), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["NET-001", "NET-003"], report.Findings.Select(f => f.RuleId).Order());
    }

    [Fact]
    public void A_deny_that_needs_both_kms_keys_missing_does_not_guard_either_alone()
    {
        const string template = """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Action: sagemaker:CreateTrainingJob
                        Resource: '*'
                        Condition: { 'Null': { sagemaker:VolumeKmsKey: 'true', sagemaker:OutputKmsKey: 'true' } }
                      - Effect: Allow
                        Action: sagemaker:CreateTrainingJob
                        Resource: '*'
                        Condition: { 'Null': { sagemaker:VpcSubnets: 'false' }, Bool: { sagemaker:InterContainerTrafficEncryption: 'true' } }
            """;

        var findings = new GuardrailEngine(TimeProvider.System).Evaluate(TestTemplates.Parse(template), cancellationToken: TestContext.Current.CancellationToken).Findings;

        Assert.Equal(2, findings.Count(f => f.RuleId == "IAM-004"));
        Assert.Equal(["IAM-004"], findings.Select(f => f.RuleId).Distinct());
    }
}
