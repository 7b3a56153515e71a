using Portal.Core.Guardrails;

namespace Portal.Core.Tests.Guardrails;

/// <summary>The known gaps of the workshop (workshop.md §5) are each caught by a rule.</summary>
public class WorkshopGapTests
{
    private static GuardrailReport Evaluate(string template) =>
        new GuardrailEngine(TimeProvider.System).Evaluate(TestTemplates.Parse(template), cancellationToken: TestContext.Current.CancellationToken);

    private static GuardrailReport EvaluateLive(params ResourceDescription[] resources) =>
        new GuardrailEngine(TimeProvider.System).Evaluate(resources, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void The_workshop_notebook_leaves_root_access_enabled()
    {
        // ds_notebook_v2.yaml: DirectInternetAccess Disabled, KMS, subnet and SG set, RootAccess never set.
        const string template = """
            Parameters:
              NotebookSubnet: { Type: String, AllowedValues: ['1', '2', '3'] }
            Resources:
              NotebookKey:
                Type: AWS::KMS::Key
                Properties: { EnableKeyRotation: true }
              Notebook:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  InstanceType: ml.t3.medium
                  RoleArn: arn:aws:iam::1:role/r
                  DirectInternetAccess: Disabled
                  KmsKeyId: !GetAtt NotebookKey.Arn
                  SubnetId: !ImportValue { "Fn::Sub": "ds-subnet${NotebookSubnet}-p-dev" }
                  SecurityGroupIds: [!ImportValue ds-sagemaker-sg-p-dev]
            """;

        var report = Evaluate(template);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("SM-NB-002", finding.RuleId);
        Assert.Equal("Notebook", finding.ResourceId);
        Assert.Equal("RootAccess", finding.PropertyPath);
        Assert.Contains("default 'Enabled'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_training_job_without_output_kms_and_with_inter_container_encryption_off_is_caught_live()
    {
        // The notebook lab's Estimator: VPC and volume key set, no output key, encrypt_inter_container_traffic=False.
        var job = new ResourceDescription("AWS::SageMaker::TrainingJob", "credit-default-xgb", new Dictionary<string, object?>
        {
            ["VpcConfig"] = new Dictionary<string, object?> { ["Subnets"] = new[] { "subnet-1" }, ["SecurityGroupIds"] = new[] { "sg-1" } },
            ["ResourceConfig"] = new Dictionary<string, object?> { ["InstanceType"] = "ml.m4.xlarge", ["VolumeKmsKeyId"] = "key-1" },
            ["OutputDataConfig"] = new Dictionary<string, object?> { ["S3OutputPath"] = "s3://models/out" },
            ["EnableInterContainerTrafficEncryption"] = false,
        });

        var report = EvaluateLive(job);

        Assert.Equal(["SM-JOB-002", "SM-JOB-003"], report.Findings.Select(f => f.RuleId).Order());
        Assert.Contains(report.Findings, f => f.PropertyPath == "OutputDataConfig.KmsKeyId");
        Assert.All(report.Findings, f => Assert.Equal("credit-default-xgb", f.ResourceId));
    }

    [Fact]
    public void The_devops_endpoint_config_without_kms_and_with_unencrypted_data_capture_is_caught()
    {
        var config = new ResourceDescription("AWS::SageMaker::EndpointConfig", "credit-default-config", new Dictionary<string, object?>
        {
            ["ProductionVariants"] = new[] { new Dictionary<string, object?> { ["InstanceType"] = "ml.m5.xlarge" } },
            ["DataCaptureConfig"] = new Dictionary<string, object?> { ["EnableCapture"] = true, ["InitialSamplingPercentage"] = 100 },
        });

        Assert.Equal(["SM-EP-001", "SM-EP-002"], EvaluateLive(config).Findings.Select(f => f.RuleId).Order());
    }

    [Fact]
    public void The_internet_facing_mirror_load_balancer_in_the_shared_services_vpc_is_caught()
    {
        const string template = """
            Resources:
              SharedVpc:
                Type: AWS::EC2::VPC
                Properties: { CidrBlock: 10.1.0.0/16 }
              MirrorNlb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: network
                  Scheme: internet-facing
                  Subnets: [subnet-a, subnet-b]
            """;

        var finding = Assert.Single(Evaluate(template).Findings);

        Assert.Equal(("NET-005", "MirrorNlb", "Scheme", 9), (finding.RuleId, finding.ResourceId, finding.PropertyPath, finding.Line));
        Assert.Equal(GuardrailSeverity.High, finding.Severity);
    }

    [Fact]
    public void The_version_1_notebook_policy_allows_sagemaker_without_vpc_while_version_2_does_not()
    {
        const string v1 = """
            Resources:
              NotebookPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Action: 'sagemaker:*'
                        Resource: '*'
                      - Effect: Allow
                        Action: iam:PassRole
                        Resource: '*'
                        Condition: { StringEquals: { iam:PassedToService: sagemaker.amazonaws.com } }
            """;
        const string v2 = """
            Resources:
              NotebookPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Deny
                        Action: [sagemaker:CreateNotebookInstance, sagemaker:CreateHyperParameterTuningJob, sagemaker:CreateProcessingJob, sagemaker:CreateTrainingJob, sagemaker:CreateModel]
                        Resource: '*'
                        Condition: { 'Null': { sagemaker:VpcSubnets: 'true' } }
                      - Effect: Allow
                        Action: 'sagemaker:*'
                        Resource: '*'
                        Condition:
                          ForAllValues:StringEqualsIfExists:
                            sagemaker:VpcSubnets: [subnet-1, subnet-2, subnet-3]
                            sagemaker:VpcSecurityGroupIds: [sg-1]
            """;

        var before = Evaluate(v1).Findings;
        var after = Evaluate(v2).Findings;

        var vpc = Assert.Single(before, f => f.RuleId == "IAM-003");
        Assert.Equal("PolicyDocument.Statement[0]", vpc.PropertyPath);
        Assert.Contains("sagemaker:CreateTrainingJob", vpc.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(after, f => f.RuleId == "IAM-003");
        Assert.Contains(after, f => f.RuleId == "IAM-004");
        Assert.Contains(after, f => f.RuleId == "IAM-005");
    }

    [Fact]
    public void The_studio_successor_policy_satisfies_the_kms_rule_but_not_the_strict_encryption_rule()
    {
        const string template = """
            Resources:
              UserPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [sagemaker:CreateTrainingJob, sagemaker:CreateProcessingJob]
                        Resource: '*'
                        Condition:
                          BoolIfExists: { sagemaker:InterContainerTrafficEncryption: 'true' }
                          'Null': { sagemaker:VolumeKmsKey: 'false', sagemaker:OutputKmsKey: 'false' }
                      - Effect: Deny
                        Action: [sagemaker:CreateTrainingJob, sagemaker:CreateProcessingJob]
                        Resource: '*'
                        Condition: { 'Null': { sagemaker:VpcSubnets: 'true' } }
            """;

        var rules = Evaluate(template).Findings.Select(f => f.RuleId).ToList();

        Assert.Equal(["IAM-005"], rules);
    }

    [Fact]
    public void Attaching_aws_managed_policies_counts_as_their_grants()
    {
        const string template = """
            Resources:
              LaunchRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: { Statement: [ { Effect: Allow, Principal: { Service: servicecatalog.amazonaws.com }, Action: sts:AssumeRole } ] }
                  ManagedPolicyArns:
                    - !Sub 'arn:${AWS::Partition}:iam::aws:policy/AmazonSageMakerFullAccess'
                    - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
              AdminRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: { Statement: [ { Effect: Allow, Principal: { AWS: '123456789012' }, Action: sts:AssumeRole } ] }
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
            """;

        var findings = Evaluate(template).Findings;

        var vpc = Assert.Single(findings, f => f.RuleId == "IAM-003" && f.ResourceId == "LaunchRole");
        Assert.Equal(("LaunchRole", "ManagedPolicyArns[0]"), (vpc.ResourceId, vpc.PropertyPath));
        Assert.Contains("AmazonSageMakerFullAccess", vpc.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.RuleId == "IAM-002" && f.ResourceId == "LaunchRole");
        Assert.Equal("AdminRole", Assert.Single(findings, f => f.RuleId == "IAM-001").ResourceId);
    }

    [Fact]
    public void The_mirror_fargate_task_with_a_public_ip_is_caught()
    {
        const string template = """
            Resources:
              MirrorService:
                Type: AWS::ECS::Service
                Properties:
                  LaunchType: FARGATE
                  DesiredCount: 1
                  NetworkConfiguration:
                    AwsvpcConfiguration:
                      AssignPublicIp: ENABLED
                      Subnets: [subnet-a]
            """;

        var finding = Assert.Single(Evaluate(template).Findings);

        Assert.Equal(("NET-006", "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp", 9), (finding.RuleId, finding.PropertyPath, finding.Line));
    }
}
