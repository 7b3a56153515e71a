using System.Globalization;
using System.Text;

namespace Portal.Core.Benchmarks;

/// <summary>Generates realistic project templates of a given size for the benchmarks.</summary>
public static class BenchmarkTemplates
{
    /// <summary>A template with exactly <paramref name="resources"/> resources (a mix of the environment's types).</summary>
    public static string WithResources(int resources) => Build(resources, int.MaxValue);

    /// <summary>A template close to (and under) <paramref name="bytes"/> bytes.</summary>
    public static string OfSize(int bytes) => Build(int.MaxValue, bytes);

    private static string Build(int resourceLimit, int byteLimit)
    {
        var text = new StringBuilder();
        text.Append("""
            AWSTemplateFormatVersion: "2010-09-09"
            Description: Benchmark project environment
            Parameters:
              ProjectName: { Type: String, AllowedPattern: '[a-z0-9\-]*', MaxLength: 20 }
              EnvType: { Type: String, Default: dev, AllowedValues: [dev, test, prod] }
              InternetAccess: { Type: String, Default: Disabled, AllowedValues: [Disabled] }
              InstanceType: { Type: String, Default: ml.t3.medium, AllowedValues: [ml.t3.medium, ml.m5.xlarge] }
            Conditions:
              IsProd: !Equals [!Ref EnvType, prod]
            Mappings:
              Sizes:
                dev: { Volume: 10 }
                prod: { Volume: 50 }
            Resources:

            """);
        var footer = "Outputs:\n  Project:\n    Value: !Ref ProjectName\n";
        var count = 0;
        while (count < resourceLimit)
        {
            var block = Block(count);
            if (text.Length + block.Length + footer.Length >= byteLimit)
            {
                break;
            }

            text.Append(block);
            count++;
        }

        return text.Append(footer).ToString();
    }

    private static string Block(int i)
    {
        var text = (i % 6) switch
        {
            0 => """
                  Key@N:
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

                """,
            1 => """
                  Bucket@N:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub 'ds-data-${ProjectName}-${EnvType}-@N'
                      BucketEncryption:
                        ServerSideEncryptionConfiguration:
                          - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: !Ref Key@P }
                      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }

                """,
            2 => """
                  BucketPolicy@N:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: !Ref Bucket@P
                      PolicyDocument:
                        Statement:
                          - Effect: Deny
                            Principal: '*'
                            Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket']
                            Resource: [!GetAtt Bucket@P.Arn, !Sub '${Bucket@P.Arn}/*']
                            Condition: { StringNotEquals: { aws:SourceVpce: vpce-123 } }
                          - Effect: Deny
                            Principal: '*'
                            Action: 's3:*'
                            Resource: [!GetAtt Bucket@P.Arn]
                            Condition: { Bool: { aws:SecureTransport: 'false' } }

                """,
            3 => """
                  Policy@N:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Version: '2012-10-17'
                        Statement:
                          - Effect: Deny
                            Action: [sagemaker:CreateTrainingJob, sagemaker:CreateProcessingJob, sagemaker:CreateModel]
                            Resource: '*'
                            Condition: { 'Null': { sagemaker:VpcSubnets: 'true' } }
                          - Effect: Allow
                            Action: 'sagemaker:*'
                            Resource: '*'
                            Condition: { ForAllValues:StringEqualsIfExists: { sagemaker:VpcSubnets: [subnet-1, subnet-2] } }
                          - Effect: Allow
                            Action: iam:PassRole
                            Resource: '*'
                            Condition: { StringEquals: { iam:PassedToService: sagemaker.amazonaws.com } }

                """,
            4 => """
                  Sg@N:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: !Sub 'SageMaker ${ProjectName} @N'
                      VpcId: vpc-1
                      SecurityGroupIngress:
                        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.2.0.0/16 }

                """,
            _ => """
                  Notebook@N:
                    Type: AWS::SageMaker::NotebookInstance
                    Properties:
                      NotebookInstanceName: !Sub 'ds-notebook-${ProjectName}-@N'
                      InstanceType: !Ref InstanceType
                      RoleArn: arn:aws:iam::123456789012:role/service-role/ds-notebook
                      DirectInternetAccess: !Ref InternetAccess
                      RootAccess: !If [IsProd, Disabled, Disabled]
                      KmsKeyId: !Ref Key@K
                      SubnetId: subnet-1
                      SecurityGroupIds: [!Ref Sg@P]
                      VolumeSizeInGB: !FindInMap [Sizes, !Ref EnvType, Volume]

                """,
        };
        return text.Replace("@N", Number(i), StringComparison.Ordinal).Replace("@P", Number(i - 1), StringComparison.Ordinal).Replace("@K", Number(i - 5), StringComparison.Ordinal);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
