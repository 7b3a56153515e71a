using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.SageMaker;

/// <summary>SageMaker statuses follow the lifecycle clock (60 s per transition here, moved by hand).</summary>
public sealed class LifecycleTests : IAsyncLifetime
{
    private const string Role = "arn:aws:iam::000000000000:role/r";
    private readonly ManualTimeProvider _time = new();
    private LocalCloudServer? _server;

    public async ValueTask InitializeAsync() =>
        _server = await LocalCloudServer.StartAsync(new Dictionary<string, string?> { ["LocalCloud:LifecycleSeconds"] = "60", ["LocalCloud:MaxClockSkewMinutes"] = "600" }, s => s.AddSingleton<TimeProvider>(_time));

    public async ValueTask DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task A_notebook_is_pending_until_one_transition_has_passed()
    {
        using var sm = new AwsWireClient(_server!.Endpoint);
        await sm.SageMakerAsync("CreateNotebookInstance", new() { ["NotebookInstanceName"] = "nb", ["InstanceType"] = "ml.t3.medium", ["RoleArn"] = Role });

        var pending = await Status("nb");
        var refused = await Assert.ThrowsAsync<AwsWireException>(() => sm.SageMakerAsync("CreatePresignedNotebookInstanceUrl", new() { ["NotebookInstanceName"] = "nb" }));
        _time.Advance(TimeSpan.FromSeconds(60));
        var inService = await Status("nb");

        Assert.Equal("Pending", pending);
        Assert.Equal("ValidationException", refused.Code);
        Assert.Equal("InService", inService);

        async Task<string> Status(string name) =>
            (await sm.SageMakerAsync("DescribeNotebookInstance", new() { ["NotebookInstanceName"] = name }))["NotebookInstanceStatus"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_schedule_tagged_for_violations_reports_CompletedWithViolations_executions()
    {
        using var sm = new AwsWireClient(_server!.Endpoint);
        await sm.SageMakerAsync("CreateModel", new() { ["ModelName"] = "m", ["ExecutionRoleArn"] = Role, ["PrimaryContainer"] = new JsonObject { ["Image"] = "img" } });
        await sm.SageMakerAsync("CreateEndpointConfig", new() { ["EndpointConfigName"] = "c", ["ProductionVariants"] = new JsonArray(new JsonObject { ["VariantName"] = "v", ["ModelName"] = "m", ["InitialInstanceCount"] = 1, ["InstanceType"] = "ml.m5.large" }) });
        await sm.SageMakerAsync("CreateEndpoint", new() { ["EndpointName"] = "e", ["EndpointConfigName"] = "c" });
        var creating = await sm.SageMakerAsync("DescribeEndpoint", new() { ["EndpointName"] = "e" });
        await sm.SageMakerAsync("CreateMonitoringSchedule", new()
        {
            ["MonitoringScheduleName"] = "drift",
            ["MonitoringScheduleConfig"] = new JsonObject
            {
                ["MonitoringType"] = "DataQuality",
                ["MonitoringJobDefinition"] = new JsonObject { ["MonitoringInputs"] = new JsonArray(new JsonObject { ["EndpointInput"] = new JsonObject { ["EndpointName"] = "e", ["LocalPath"] = "/opt/ml/processing/input" } }) },
            },
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "localcloud:violations", ["Value"] = "true" }),
        });
        _time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(121));

        var endpoint = await sm.SageMakerAsync("DescribeEndpoint", new() { ["EndpointName"] = "e" });
        var schedules = await sm.SageMakerAsync("ListMonitoringSchedules", new() { ["EndpointName"] = "e" });
        var executions = await sm.SageMakerAsync("ListMonitoringExecutions", new() { ["MonitoringScheduleName"] = "drift", ["MaxResults"] = 100 });

        Assert.Equal("Creating", creating["EndpointStatus"]!.GetValue<string>());
        Assert.Equal("InService", endpoint["EndpointStatus"]!.GetValue<string>());
        Assert.Equal("Scheduled", schedules["MonitoringScheduleSummaries"]![0]!["MonitoringScheduleStatus"]!.GetValue<string>());
        var statuses = executions["MonitoringExecutionSummaries"]!.AsArray().Select(e => e!["MonitoringExecutionStatus"]!.GetValue<string>()).ToList();
        Assert.Equal(3, statuses.Count);
        Assert.All(statuses, s => Assert.Equal("CompletedWithViolations", s));
    }

    [Fact]
    public async Task A_stopped_training_job_ends_Stopped_and_its_trial_component_follows_it()
    {
        using var sm = new AwsWireClient(_server!.Endpoint);
        await sm.SageMakerAsync("CreateExperiment", new() { ["ExperimentName"] = "exp" });
        await sm.SageMakerAsync("CreateTrial", new() { ["TrialName"] = "trial", ["ExperimentName"] = "exp" });
        await sm.SageMakerAsync("CreateTrainingJob", new()
        {
            ["TrainingJobName"] = "job",
            ["RoleArn"] = Role,
            ["AlgorithmSpecification"] = new JsonObject { ["TrainingImage"] = "img", ["TrainingInputMode"] = "File" },
            ["OutputDataConfig"] = new JsonObject { ["S3OutputPath"] = "s3://b/out" },
            ["ResourceConfig"] = new JsonObject { ["InstanceType"] = "ml.m5.large", ["InstanceCount"] = 1, ["VolumeSizeInGB"] = 10 },
            ["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = 3600 },
            ["ExperimentConfig"] = new JsonObject { ["ExperimentName"] = "exp", ["TrialName"] = "trial" },
        });
        await sm.SageMakerAsync("StopTrainingJob", new() { ["TrainingJobName"] = "job" });
        var stopping = await sm.SageMakerAsync("DescribeTrainingJob", new() { ["TrainingJobName"] = "job" });
        _time.Advance(TimeSpan.FromSeconds(61));
        var stopped = await sm.SageMakerAsync("DescribeTrainingJob", new() { ["TrainingJobName"] = "job" });
        var components = await sm.SageMakerAsync("ListTrialComponents", new() { ["ExperimentName"] = "exp" });

        Assert.Equal("Stopping", stopping["TrainingJobStatus"]!.GetValue<string>());
        Assert.Equal("Stopped", stopped["TrainingJobStatus"]!.GetValue<string>());
        var component = Assert.Single(components["TrialComponentSummaries"]!.AsArray())!;
        Assert.Equal("job-aws-training-job", component["TrialComponentName"]!.GetValue<string>());
        Assert.Equal("Stopped", component["Status"]!["PrimaryStatus"]!.GetValue<string>());
    }
}
