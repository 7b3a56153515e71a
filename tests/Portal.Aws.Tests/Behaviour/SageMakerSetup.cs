using System.Text.Json.Nodes;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>Creates SageMaker resources on LocalCloud with plain signed requests (the portal only reads and operates them).</summary>
internal static class SageMakerSetup
{
    public const string ExecutionRole = "arn:aws:iam::000000000000:role/ds-execution";

    /// <summary>An InService notebook (instant lifecycle) with a KMS key, root access disabled and a project tag.</summary>
    public static async Task<string> CreateNotebookAsync(SignedWireClient wire, CancellationToken cancellationToken)
    {
        var name = LocalCloudBehaviourFixture.Unique("nb");
        await wire.SageMakerAsync("CreateNotebookInstance", new JsonObject
        {
            ["NotebookInstanceName"] = name,
            ["InstanceType"] = "ml.t3.medium",
            ["RoleArn"] = ExecutionRole,
            ["KmsKeyId"] = "alias/project",
            ["RootAccess"] = "Disabled",
            ["VolumeSizeInGB"] = 20,
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "project", ["Value"] = "genomics" }),
        }, cancellationToken);
        return name;
    }

    /// <summary>A model, an endpoint configuration with one variant named <c>primary</c>, and an endpoint using it.</summary>
    public static async Task CreateEndpointAsync(SignedWireClient wire, string model, string config, string endpoint, CancellationToken cancellationToken)
    {
        await wire.SageMakerAsync("CreateModel", new JsonObject { ["ModelName"] = model, ["ExecutionRoleArn"] = ExecutionRole, ["PrimaryContainer"] = new JsonObject { ["Image"] = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/serve:latest" } }, cancellationToken);
        await wire.SageMakerAsync("CreateEndpointConfig", new JsonObject
        {
            ["EndpointConfigName"] = config,
            ["ProductionVariants"] = new JsonArray(new JsonObject { ["VariantName"] = "primary", ["ModelName"] = model, ["InitialInstanceCount"] = 1, ["InstanceType"] = "ml.m5.large" }),
        }, cancellationToken);
        await wire.SageMakerAsync("CreateEndpoint", new JsonObject { ["EndpointName"] = endpoint, ["EndpointConfigName"] = config }, cancellationToken);
    }

    /// <summary>A CreateTrainingJob body in a VPC with network isolation, optionally run in an experiment's trial.</summary>
    public static JsonObject TrainingJob(string name, string? experiment, string? trial)
    {
        var job = new JsonObject
        {
            ["TrainingJobName"] = name,
            ["RoleArn"] = ExecutionRole,
            ["AlgorithmSpecification"] = new JsonObject { ["TrainingImage"] = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:latest", ["TrainingInputMode"] = "File" },
            ["OutputDataConfig"] = new JsonObject { ["S3OutputPath"] = "s3://project-bucket/models/" },
            ["ResourceConfig"] = new JsonObject { ["InstanceType"] = "ml.m5.xlarge", ["InstanceCount"] = 1, ["VolumeSizeInGB"] = 50 },
            ["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = 3600 },
            ["VpcConfig"] = new JsonObject { ["Subnets"] = new JsonArray("subnet-0a1b2c3d"), ["SecurityGroupIds"] = new JsonArray("sg-0a1b2c3d") },
            ["EnableNetworkIsolation"] = true,
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "project", ["Value"] = "churn" }),
        };
        if (experiment is not null)
        {
            job["ExperimentConfig"] = new JsonObject { ["ExperimentName"] = experiment, ["TrialName"] = trial };
        }

        return job;
    }
}
