using System.Text.Json.Nodes;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Workloads;
using static Portal.Aws.Tests.Behaviour.CatalogTemplates;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>
/// The SageMaker gateways (notebooks, jobs, endpoints, lineage) against LocalCloud with an instant lifecycle clock.
/// Resources are created with plain signed SageMaker requests (the portal itself only reads and operates them).
/// </summary>
[Collection(nameof(LocalCloudCollection))]
public sealed class WorkloadBehaviourTests(LocalCloudBehaviourFixture cloud)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private INotebookGateway Notebooks => cloud.Get<INotebookGateway>();

    [Fact]
    public async Task A_notebook_is_listed_and_described_with_its_security_settings()
    {
        var name = await CreateNotebookAsync();

        var listed = await Notebooks.ListNotebooksAsync(ActingIdentity.Portal, new WorkloadQuery(NameContains: name), Ct).ToListAsync(Ct);
        var detail = Ok(await Notebooks.DescribeNotebookAsync(ActingIdentity.Portal, name, Ct));

        var summary = Assert.Single(listed);
        Assert.Equal((name, "InService", "ml.t3.medium"), (summary.Name, summary.Status, summary.InstanceType));
        Assert.Equal($"arn:aws:sagemaker:{LocalCloudBehaviourFixture.Region}:{LocalCloudBehaviourFixture.Account}:notebook-instance/{name.ToLowerInvariant()}", summary.Arn);
        Assert.Equal(summary with { LastModifiedAt = detail.Notebook.LastModifiedAt }, detail.Notebook);
        Assert.Equal((SageMakerSetup.ExecutionRole, "Enabled", "Disabled", 20), (detail.RoleArn, detail.DirectInternetAccess, detail.RootAccess, detail.VolumeSizeInGb));
        Assert.Equal("alias/project", detail.KmsKeyId);
    }

    [Fact]
    public async Task A_notebook_stops_and_starts_again_with_the_instant_lifecycle_clock()
    {
        var name = await CreateNotebookAsync();

        var stopped = await Notebooks.StopNotebookAsync(ActingIdentity.Portal, name, Ct);
        var afterStop = Ok(await Notebooks.DescribeNotebookAsync(ActingIdentity.Portal, name, Ct));
        var stoppedList = await Notebooks.ListNotebooksAsync(ActingIdentity.Portal, new WorkloadQuery(NameContains: name, StatusEquals: "Stopped"), Ct).ToListAsync(Ct);
        var stopAgain = await Notebooks.StopNotebookAsync(ActingIdentity.Portal, name, Ct);
        var signInWhileStopped = await Notebooks.CreateSignInUrlAsync(ActingIdentity.Portal, name, TimeSpan.FromHours(1), Ct);
        var started = await Notebooks.StartNotebookAsync(ActingIdentity.Portal, name, Ct);
        var afterStart = Ok(await Notebooks.DescribeNotebookAsync(ActingIdentity.Portal, name, Ct));

        Assert.True(stopped.IsSuccess, stopped.Error?.ToString());
        Assert.Equal("Stopped", afterStop.Notebook.Status);
        Assert.Single(stoppedList);
        Assert.Equal((ErrorKind.Validation, "ValidationException"), (stopAgain.Error?.Kind, stopAgain.Error?.Code));
        Assert.Equal(ErrorKind.Validation, signInWhileStopped.Error?.Kind);
        Assert.True(started.IsSuccess, started.Error?.ToString());
        Assert.Equal("InService", afterStart.Notebook.Status);
    }

    [Fact]
    public async Task A_sign_in_url_is_returned_and_never_written_to_the_logs()
    {
        var name = await CreateNotebookAsync();

        var url = Ok(await Notebooks.CreateSignInUrlAsync(ActingIdentity.Portal, name, TimeSpan.FromHours(1), Ct));
        var tooLong = await Notebooks.CreateSignInUrlAsync(ActingIdentity.Portal, name, TimeSpan.FromHours(13), Ct);
        using var http = new HttpClient();
        var page = await http.GetStringAsync(url, Ct);

        var token = System.Web.HttpUtility.ParseQueryString(url.Query)["authToken"];
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(cloud.Server.Endpoint.Authority, url.Authority);
        Assert.Contains(name, url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Equal(("InvalidSessionDuration", ErrorKind.Validation), (tooLong.Error?.Code, tooLong.Error?.Kind));
        Assert.DoesNotContain(cloud.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_notebook_is_reported_as_not_found()
    {
        var missing = LocalCloudBehaviourFixture.Unique("nb-missing");

        var described = await Notebooks.DescribeNotebookAsync(ActingIdentity.Portal, missing, Ct);
        var started = await Notebooks.StartNotebookAsync(ActingIdentity.Portal, missing, Ct);
        var signIn = await Notebooks.CreateSignInUrlAsync(ActingIdentity.Portal, missing, TimeSpan.FromHours(1), Ct);

        Assert.Equal((ErrorKind.NotFound, "ValidationException"), (described.Error?.Kind, described.Error?.Code));
        Assert.Equal(ErrorKind.NotFound, started.Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, signIn.Error?.Kind);
    }

    [Fact]
    public async Task Training_and_processing_jobs_are_listed_by_name_and_described()
    {
        var training = LocalCloudBehaviourFixture.Unique("train");
        var processing = LocalCloudBehaviourFixture.Unique("process");
        using var wire = cloud.Wire();
        await wire.SageMakerAsync("CreateTrainingJob", SageMakerSetup.TrainingJob(training, null, null), Ct);
        await wire.SageMakerAsync("CreateProcessingJob", new JsonObject
        {
            ["ProcessingJobName"] = processing,
            ["RoleArn"] = SageMakerSetup.ExecutionRole,
            ["AppSpecification"] = new JsonObject { ["ImageUri"] = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/prep:latest" },
            ["ProcessingResources"] = new JsonObject { ["ClusterConfig"] = new JsonObject { ["InstanceCount"] = 2, ["InstanceType"] = "ml.m5.large", ["VolumeSizeInGB"] = 30 } },
            ["NetworkConfig"] = new JsonObject { ["EnableNetworkIsolation"] = true },
        }, Ct);

        var trainingJobs = await cloud.Get<ITrainingJobGateway>().ListTrainingJobsAsync(ActingIdentity.Portal, new WorkloadQuery(NameContains: training), Ct).ToListAsync(Ct);
        var trainingDetail = Ok(await cloud.Get<ITrainingJobGateway>().DescribeTrainingJobAsync(ActingIdentity.Portal, training, Ct));
        var processingJobs = await cloud.Get<IProcessingJobGateway>().ListProcessingJobsAsync(ActingIdentity.Portal, new WorkloadQuery(NameContains: processing), Ct).ToListAsync(Ct);
        var processingDetail = Ok(await cloud.Get<IProcessingJobGateway>().DescribeProcessingJobAsync(ActingIdentity.Portal, processing, Ct));
        var missingJob = await cloud.Get<ITrainingJobGateway>().DescribeTrainingJobAsync(ActingIdentity.Portal, training + "-none", Ct);

        Assert.Equal((training, "Completed"), (Assert.Single(trainingJobs).Name, trainingJobs[0].Status));
        Assert.Equal((SageMakerSetup.ExecutionRole, "ml.m5.xlarge", (int?)1), (trainingDetail.RoleArn, trainingDetail.InstanceType, trainingDetail.InstanceCount));
        Assert.Equal(["subnet-0a1b2c3d"], trainingDetail.SubnetIds);
        Assert.Equal(["sg-0a1b2c3d"], trainingDetail.SecurityGroupIds);
        Assert.Equal(true, trainingDetail.EnableNetworkIsolation);
        Assert.Equal((processing, "Completed"), (Assert.Single(processingJobs).Name, processingJobs[0].Status));
        Assert.Equal(("ml.m5.large", (int?)2, (bool?)true), (processingDetail.InstanceType, processingDetail.InstanceCount, processingDetail.EnableNetworkIsolation));
        Assert.Equal(ErrorKind.NotFound, missingJob.Error?.Kind);
    }

    [Fact]
    public async Task A_model_endpoint_is_listed_and_described_with_its_variants()
    {
        var model = LocalCloudBehaviourFixture.Unique("model");
        var config = LocalCloudBehaviourFixture.Unique("config");
        var endpoint = LocalCloudBehaviourFixture.Unique("endpoint");
        using var wire = cloud.Wire();
        await SageMakerSetup.CreateEndpointAsync(wire, model, config, endpoint, Ct);

        var gateway = cloud.Get<IModelEndpointGateway>();

        var listed = await gateway.ListEndpointsAsync(ActingIdentity.Portal, new WorkloadQuery(NameContains: endpoint), Ct).ToListAsync(Ct);
        var detail = Ok(await gateway.DescribeEndpointAsync(ActingIdentity.Portal, endpoint, Ct));
        var schedules = await gateway.ListMonitoringSchedulesAsync(ActingIdentity.Portal, endpoint, Ct).ToListAsync(Ct);
        var missing = await gateway.DescribeEndpointAsync(ActingIdentity.Portal, endpoint + "-none", Ct);

        Assert.Equal((endpoint, "InService"), (Assert.Single(listed).Name, listed[0].Status));
        Assert.Equal((config, "InService"), (detail.EndpointConfigName, detail.Endpoint.Status));
        Assert.Equal(["primary"], detail.VariantNames);
        Assert.Empty(schedules);
        Assert.Equal(ErrorKind.NotFound, missing.Error?.Kind);
    }

    [Fact]
    public async Task A_training_job_run_in_a_trial_appears_in_the_experiment_lineage_with_its_tags()
    {
        var experiment = LocalCloudBehaviourFixture.Unique("churn");
        var trial = LocalCloudBehaviourFixture.Unique("trial");
        var job = LocalCloudBehaviourFixture.Unique("train");
        using var wire = cloud.Wire();
        await wire.SageMakerAsync("CreateExperiment", new JsonObject { ["ExperimentName"] = experiment, ["DisplayName"] = "Churn model" }, Ct);
        await wire.SageMakerAsync("CreateTrial", new JsonObject { ["TrialName"] = trial, ["ExperimentName"] = experiment }, Ct);
        var created = await wire.SageMakerAsync("CreateTrainingJob", SageMakerSetup.TrainingJob(job, experiment, trial), Ct);
        var lineage = cloud.Get<ILineageGateway>();

        var experiments = await lineage.ListExperimentsAsync(ActingIdentity.Portal, null, Ct).ToListAsync(Ct);
        var components = await lineage.ListTrialComponentsAsync(ActingIdentity.Portal, experiment, null, Ct).ToListAsync(Ct);
        var tags = await lineage.ListTagsAsync(ActingIdentity.Portal, created["TrainingJobArn"]!.GetValue<string>(), Ct).ToListAsync(Ct);

        var found = Assert.Single(experiments, e => e.Name == experiment);
        Assert.Equal("Churn model", found.DisplayName);
        var component = Assert.Single(components);
        Assert.Equal(job + "-aws-training-job", component.Name);
        Assert.Equal(created["TrainingJobArn"]!.GetValue<string>(), component.SourceArn);
        Assert.Equal(new ResourceTag("project", "churn"), Assert.Single(tags));
    }

    private async Task<string> CreateNotebookAsync()
    {
        using var wire = cloud.Wire();
        return await SageMakerSetup.CreateNotebookAsync(wire, Ct);
    }
}
