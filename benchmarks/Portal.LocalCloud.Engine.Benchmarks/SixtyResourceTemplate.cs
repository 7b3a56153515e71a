using System.Text;

namespace Portal.LocalCloud.Engine.Benchmarks;

/// <summary>A workshop-style environment template of about sixty resources (network, KMS, buckets, IAM, SSM, SC, notebook).</summary>
public static class SixtyResourceTemplate
{
    public static string Build()
    {
        var yaml = new StringBuilder("""
            Parameters:
              ProjectName: { Type: String, Default: fraud, AllowedPattern: '[a-z][a-z0-9-]*' }
              EnvType: { Type: String, Default: dev, AllowedValues: [dev, test, prod] }
            Conditions:
              IsProd: !Equals [!Ref EnvType, prod]
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties: { CidrBlock: 10.2.0.0/16, EnableDnsSupport: true, EnableDnsHostnames: true }
              RouteTable:
                Type: AWS::EC2::RouteTable
                Properties: { VpcId: !Ref Vpc }
              SageMakerSecurityGroup:
                Type: AWS::EC2::SecurityGroup
                Properties: { GroupDescription: SageMaker, VpcId: !Ref Vpc }
              SelfIngress:
                Type: AWS::EC2::SecurityGroupIngress
                Properties: { GroupId: !Ref SageMakerSecurityGroup, IpProtocol: '-1', SourceSecurityGroupId: !Ref SageMakerSecurityGroup }
              HttpsEgress:
                Type: AWS::EC2::SecurityGroupEgress
                Properties: { GroupId: !Ref SageMakerSecurityGroup, IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }
              S3Endpoint:
                Type: AWS::EC2::VPCEndpoint
                Properties: { VpcId: !Ref Vpc, ServiceName: !Sub 'com.amazonaws.${AWS::Region}.s3', RouteTableIds: [!Ref RouteTable] }
              KmsKey:
                Type: AWS::KMS::Key
                Properties: { Description: !Sub '${ProjectName}-${EnvType} key', EnableKeyRotation: true }
              KmsAlias:
                Type: AWS::KMS::Alias
                Properties: { AliasName: !Sub 'alias/${ProjectName}-${EnvType}', TargetKeyId: !Ref KmsKey }
              NotebookRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: { Version: 2012-10-17, Statement: [{ Effect: Allow, Principal: { Service: sagemaker.amazonaws.com }, Action: sts:AssumeRole }] }
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
              NotebookPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  Roles: [!Ref NotebookRole]
                  PolicyDocument: { Version: 2012-10-17, Statement: [{ Effect: Allow, Action: 'sagemaker:*', Resource: '*' }] }
              InstanceProfile:
                Type: AWS::IAM::InstanceProfile
                Properties: { Roles: [!Ref NotebookRole] }
              LifecycleConfig:
                Type: AWS::SageMaker::NotebookInstanceLifecycleConfig
                Properties: { OnStart: [{ Content: !Base64 'echo start' }] }
              Notebook:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  InstanceType: ml.t3.medium
                  RoleArn: !GetAtt NotebookRole.Arn
                  SubnetId: !Ref SubnetA
                  SecurityGroupIds: [!Ref SageMakerSecurityGroup]
                  KmsKeyId: !Ref KmsKey
                  DirectInternetAccess: Disabled
                  LifecycleConfigName: !GetAtt LifecycleConfig.NotebookInstanceLifecycleConfigName
              Repository:
                Type: AWS::CodeCommit::Repository
                Properties: { RepositoryName: !Sub '${ProjectName}-${EnvType}' }
              Portfolio:
                Type: AWS::ServiceCatalog::Portfolio
                Properties: { DisplayName: !Sub '${ProjectName} portfolio', ProviderName: IT }
              Product:
                Type: AWS::ServiceCatalog::CloudFormationProduct
                Properties: { Name: Notebook, Owner: IT, ProvisioningArtifactParameters: [{ Name: v1, Info: { LoadTemplateFromURL: 'https://s3.amazonaws.com/t/nb.yaml' } }] }
              PortfolioProduct:
                Type: AWS::ServiceCatalog::PortfolioProductAssociation
                Properties: { PortfolioId: !Ref Portfolio, ProductId: !Ref Product }
              PortfolioPrincipal:
                Type: AWS::ServiceCatalog::PortfolioPrincipalAssociation
                Properties: { PortfolioId: !Ref Portfolio, PrincipalARN: !GetAtt NotebookRole.Arn, PrincipalType: IAM }
              LaunchConstraint:
                Type: AWS::ServiceCatalog::LaunchRoleConstraint
                DependsOn: PortfolioProduct
                Properties: { PortfolioId: !Ref Portfolio, ProductId: !Ref Product, RoleArn: !GetAtt NotebookRole.Arn }
              TemplateConstraint:
                Type: AWS::ServiceCatalog::LaunchTemplateConstraint
                DependsOn: PortfolioProduct
                Properties: { PortfolioId: !Ref Portfolio, ProductId: !Ref Product, Rules: '{}' }
              EnforcerLogs:
                Type: AWS::Logs::LogGroup
                Properties: { RetentionInDays: !If [IsProd, 365, 30] }
              Enforcer:
                Type: AWS::Lambda::Function
                Properties: { Role: !GetAtt NotebookRole.Arn, Runtime: python3.12, Handler: index.handler, Code: { ZipFile: 'def handler(e, c): pass' } }
              EnforcementRule:
                Type: AWS::Events::Rule
                Properties: { EventPattern: { source: [aws.sagemaker] }, Targets: [{ Id: enforcer, Arn: !GetAtt Enforcer.Arn }] }
              EnforcerPermission:
                Type: AWS::Lambda::Permission
                Properties: { Action: lambda:InvokeFunction, FunctionName: !Ref Enforcer, Principal: events.amazonaws.com, SourceArn: !GetAtt EnforcementRule.Arn }

            """);
        foreach (var zone in new[] { "A", "B", "C" })
        {
            var index = zone[0] - 'A';
            yaml.Append($$"""
                  Subnet{{zone}}:
                    Type: AWS::EC2::Subnet
                    Properties: { VpcId: !Ref Vpc, CidrBlock: !Select [{{index}}, !Cidr [!GetAtt Vpc.CidrBlock, 3, 8]], AvailabilityZone: !Select [{{index}}, !GetAZs ''] }
                  Subnet{{zone}}Routes:
                    Type: AWS::EC2::SubnetRouteTableAssociation
                    Properties: { SubnetId: !Ref Subnet{{zone}}, RouteTableId: !Ref RouteTable }
                  Subnet{{zone}}Parameter:
                    Type: AWS::SSM::Parameter
                    Properties: { Type: String, Name: !Sub 'ds-subnet-{{zone}}-${ProjectName}-${EnvType}-id', Value: !Ref Subnet{{zone}} }

                """);
        }

        foreach (var bucket in new[] { "Data", "Model", "Logs" })
        {
            yaml.Append($$"""
                  {{bucket}}Bucket:
                    Type: AWS::S3::Bucket
                    Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: !GetAtt KmsKey.Arn } }] } }
                  {{bucket}}BucketPolicy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: !Ref {{bucket}}Bucket
                      PolicyDocument: { Statement: [{ Effect: Deny, Principal: '*', Action: 's3:*', Resource: !Sub '${{{bucket}}Bucket.Arn}/*', Condition: { StringNotEquals: { 'aws:sourceVpce': !Ref S3Endpoint } } }] }

                """);
        }

        for (var i = 1; i <= 24; i++)
        {
            yaml.Append($$"""
                  Setting{{i}}:
                    Type: AWS::SSM::Parameter
                    Properties: { Type: String, Name: !Sub 'ds-setting-{{i}}-${ProjectName}-${EnvType}', Value: !Join ['-', [!Ref ProjectName, !GetAtt DataBucket.Arn, '{{i}}']] }

                """);
        }

        yaml.Append("""
            Outputs:
              NotebookArn: { Value: !Ref Notebook }
              DataBucket: { Value: !Ref DataBucket, Export: { Name: !Sub '${ProjectName}-${EnvType}-data-bucket' } }
              KmsKeyArn: { Value: !GetAtt KmsKey.Arn, Export: { Name: !Sub '${ProjectName}-${EnvType}-kms-arn' } }
            """);
        return yaml.ToString();
    }
}
