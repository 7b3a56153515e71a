namespace Portal.Core.Guardrails;

public static partial class BaselineRules
{
    private const string NotebookType = "AWS::SageMaker::NotebookInstance";
    private const string TrainingJobType = "AWS::SageMaker::TrainingJob";
    private const string ProcessingJobType = "AWS::SageMaker::ProcessingJob";
    private const string TuningJobType = "AWS::SageMaker::HyperParameterTuningJob";
    private const string TransformJobType = "AWS::SageMaker::TransformJob";
    private const string ModelType = "AWS::SageMaker::Model";
    private const string EndpointConfigType = "AWS::SageMaker::EndpointConfig";

    public static GuardrailRule NotebookDirectInternetAccess { get; } = new()
    {
        Id = "SM-NB-001",
        Title = "Notebook instance without direct internet access",
        Severity = GuardrailSeverity.Critical,
        Rationale = "The secure environment has no internet path: data leaves only through VPC endpoints. A notebook with DirectInternetAccess Enabled gets a SageMaker-managed internet route that bypasses the VPC, its endpoints and their policies.",
        Remediation = "Set DirectInternetAccess: Disabled (and place the notebook in a private subnet). If it comes from a parameter, remove 'Enabled' from its AllowedValues.",
        DocumentationTopic = "https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html",
        ResourceTypes = [NotebookType],
        Check = (context, resource) => RequireValue(context, resource, "DirectInternetAccess", "Disabled", "Enabled"),
    };

    public static GuardrailRule NotebookRootAccess { get; } = new()
    {
        Id = "SM-NB-002",
        Title = "Notebook instance without root access",
        Severity = GuardrailSeverity.High,
        Rationale = "With root a user can change the instance's network, package and credential configuration and disable the lifecycle controls. The workshop's notebook template never sets RootAccess, so it stays Enabled although its README says otherwise.",
        Remediation = "Set RootAccess: Disabled. Lifecycle configurations still run as root.",
        DocumentationTopic = "https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html",
        ResourceTypes = [NotebookType],
        Check = (context, resource) => RequireValue(context, resource, "RootAccess", "Disabled", "Enabled"),
    };

    public static GuardrailRule NotebookKmsKey { get; } = new()
    {
        Id = "SM-NB-003",
        Title = "Notebook storage encrypted with a customer managed KMS key",
        Severity = GuardrailSeverity.High,
        Rationale = "The notebook's ML storage volume holds copies of sensitive data. Without KmsKeyId it is encrypted with an AWS managed key whose use cannot be restricted or audited per project.",
        Remediation = "Set KmsKeyId to the project's KMS key (for example !GetAtt NotebookKey.Arn).",
        DocumentationTopic = "https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html",
        ResourceTypes = [NotebookType],
        Check = (context, resource) => RequirePresent(context, resource, "KmsKeyId", "set it to the project's customer managed KMS key."),
    };

    public static GuardrailRule NotebookNetworkPlacement { get; } = new()
    {
        Id = "SM-NB-004",
        Title = "Notebook instance placed in a project subnet with security groups",
        Severity = GuardrailSeverity.High,
        Rationale = "Without SubnetId and SecurityGroupIds the notebook is not attached to the project VPC, so the VPC endpoints, endpoint policies and bucket policies that confine data do not apply to it.",
        Remediation = "Set SubnetId to a private project subnet and SecurityGroupIds to the project's SageMaker security group.",
        DocumentationTopic = "https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html",
        ResourceTypes = [NotebookType],
        Check = (context, resource) =>
            RequirePresent(context, resource, "SubnetId", "the notebook must run in a private project subnet.")
                .Concat(RequirePresent(context, resource, "SecurityGroupIds", "the notebook needs the project's security group.")),
    };

    public static GuardrailRule JobVpc { get; } = new()
    {
        Id = "SM-JOB-001",
        Title = "Training, processing and tuning jobs and models run in the project VPC",
        Severity = GuardrailSeverity.High,
        Rationale = "A job or model without a VPC configuration runs in a SageMaker-managed network with internet access, outside the project's endpoints and bucket policies. This is what the workshop's detective control stops (Lab 4).",
        Remediation = "Give the job a VpcConfig with the project subnets and security group (processing jobs: NetworkConfig.VpcConfig; tuning jobs: TrainingJobDefinition.VpcConfig).",
        DocumentationTopic = "https://docs.aws.amazon.com/sagemaker/latest/dg/train-vpc.html",
        ResourceTypes = [TrainingJobType, ProcessingJobType, TuningJobType, ModelType],
        Check = (context, resource) => RequirePresent(context, resource, resource.Type switch
        {
            ProcessingJobType => "NetworkConfig.VpcConfig.Subnets",
            TuningJobType => "TrainingJobDefinition.VpcConfig.Subnets",
            _ => "VpcConfig.Subnets",
        }, "the job must run in the project's private subnets."),
    };

    public static GuardrailRule JobKms { get; } = new()
    {
        Id = "SM-JOB-002",
        Title = "Jobs encrypt their volumes and output with a KMS key",
        Severity = GuardrailSeverity.High,
        Rationale = "Training, processing, tuning and transform jobs write data to ML storage volumes and to S3. The workshop sets no KMS key on training output, so model artefacts are encrypted only with the bucket default.",
        Remediation = "Set the volume KMS key (ResourceConfig.VolumeKmsKeyId, ProcessingResources.ClusterConfig.VolumeKmsKeyId or TransformResources.VolumeKmsKeyId) and the output KMS key (OutputDataConfig.KmsKeyId, ProcessingOutputConfig.KmsKeyId or TransformOutput.KmsKeyId) to the project key.",
        DocumentationTopic = "https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html",
        ResourceTypes = [TrainingJobType, ProcessingJobType, TuningJobType, TransformJobType],
        Check = (context, resource) =>
        {
            var (volume, output) = resource.Type switch
            {
                ProcessingJobType => ("ProcessingResources.ClusterConfig.VolumeKmsKeyId", "ProcessingOutputConfig.KmsKeyId"),
                TuningJobType => ("TrainingJobDefinition.ResourceConfig.VolumeKmsKeyId", "TrainingJobDefinition.OutputDataConfig.KmsKeyId"),
                TransformJobType => ("TransformResources.VolumeKmsKeyId", "TransformOutput.KmsKeyId"),
                _ => ("ResourceConfig.VolumeKmsKeyId", "OutputDataConfig.KmsKeyId"),
            };
            return RequirePresent(context, resource, volume, "the job's storage volume must use the project KMS key.")
                .Concat(RequirePresent(context, resource, output, "the job's output must be encrypted with the project KMS key."));
        },
    };

    public static GuardrailRule JobInterContainerEncryption { get; } = new()
    {
        Id = "SM-JOB-003",
        Title = "Distributed jobs encrypt inter-container traffic",
        Severity = GuardrailSeverity.Medium,
        Rationale = "Distributed training and processing exchange data between instances. The workshop trains with encrypt_inter_container_traffic=False, so that traffic crosses the network in clear text.",
        Remediation = "Set EnableInterContainerTrafficEncryption: true (processing jobs: NetworkConfig.EnableInterContainerTrafficEncryption).",
        DocumentationTopic = "https://docs.aws.amazon.com/sagemaker/latest/dg/train-encrypt.html",
        ResourceTypes = [TrainingJobType, ProcessingJobType, TuningJobType],
        Check = (context, resource) => RequireValue(context, resource, resource.Type switch
        {
            ProcessingJobType => "NetworkConfig.EnableInterContainerTrafficEncryption",
            TuningJobType => "TrainingJobDefinition.EnableInterContainerTrafficEncryption",
            _ => "EnableInterContainerTrafficEncryption",
        }, "true", "false"),
    };

    public static GuardrailRule EndpointConfigKms { get; } = new()
    {
        Id = "SM-EP-001",
        Title = "Endpoint configurations encrypt their storage with a KMS key",
        Severity = GuardrailSeverity.Medium,
        Rationale = "Endpoint instances keep the model and request data on their ML storage volumes. The workshop's endpoint configuration sets no KmsKeyId.",
        Remediation = "Set KmsKeyId on the endpoint configuration to the project key.",
        DocumentationTopic = "https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html",
        ResourceTypes = [EndpointConfigType],
        Check = (context, resource) => RequirePresent(context, resource, "KmsKeyId", "the endpoint's storage volumes must use the project KMS key."),
    };

    public static GuardrailRule DataCaptureKms { get; } = new()
    {
        Id = "SM-EP-002",
        Title = "Endpoint data capture encrypted with a KMS key",
        Severity = GuardrailSeverity.Medium,
        Rationale = "Data capture copies every request and response (here: credit-card customer data) to S3. The workshop captures 100 % of traffic without a KMS key.",
        Remediation = "Set DataCaptureConfig.KmsKeyId to the project key.",
        DocumentationTopic = "https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture.html",
        ResourceTypes = [EndpointConfigType],
        Check = (context, resource) =>
        {
            var capture = context.Resolve(resource, "DataCaptureConfig");
            if (capture.All(c => c.Kind == ResolvedValueKind.Absent)
                || context.Resolve(resource, "DataCaptureConfig.EnableCapture").All(v => v.Text is not null && v.Text.Equals("false", StringComparison.OrdinalIgnoreCase)))
            {
                return [];
            }

            return RequirePresent(context, resource, "DataCaptureConfig.KmsKeyId", "captured requests and responses must be encrypted with the project KMS key.");
        },
    };
}
