using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Cli;

/// <summary>SageMaker notebook and job commands of the AWS CLI against LocalCloud (instant lifecycle).</summary>
public sealed class SageMakerCliTests(LocalCloudFixture cloud)
{
    private const string Role = "arn:aws:iam::000000000000:role/ds-user-role";

    [Fact]
    public async Task A_notebook_goes_in_service_opens_by_presigned_url_stops_and_is_deleted()
    {
        var aws = new AwsCli(cloud.Endpoint);
        var name = "ds-notebook-" + Guid.NewGuid().ToString("N")[..8];

        var created = await aws.JsonAsync("sagemaker", "create-notebook-instance", "--notebook-instance-name", name, "--instance-type", "ml.t3.medium", "--role-arn", Role,
            "--subnet-id", "subnet-1", "--security-group-ids", "sg-1", "--direct-internet-access", "Disabled", "--root-access", "Disabled", "--kms-key-id", "alias/project");
        var described = await aws.JsonAsync("sagemaker", "describe-notebook-instance", "--notebook-instance-name", name);
        var url = await aws.JsonAsync("sagemaker", "create-presigned-notebook-instance-url", "--notebook-instance-name", name, "--session-expiration-duration-in-seconds", "1800");
        using var http = new HttpClient();
        using var page = await http.GetAsync(AwsCli.Str(url["AuthorizedUrl"]), TestContext.Current.CancellationToken);
        await aws.JsonAsync("sagemaker", "stop-notebook-instance", "--notebook-instance-name", name);
        var stopped = await aws.JsonAsync("sagemaker", "list-notebook-instances", "--name-contains", name, "--status-equals", "Stopped");
        await aws.JsonAsync("sagemaker", "delete-notebook-instance", "--notebook-instance-name", name);
        var gone = await aws.RunAsync("sagemaker", "describe-notebook-instance", "--notebook-instance-name", name);

        Assert.EndsWith($"notebook-instance/{name}", AwsCli.Str(created["NotebookInstanceArn"]), StringComparison.Ordinal);
        Assert.Equal("InService", AwsCli.Str(described["NotebookInstanceStatus"]));
        Assert.Equal("Disabled", AwsCli.Str(described["DirectInternetAccess"]));
        Assert.Equal("Disabled", AwsCli.Str(described["RootAccess"]));
        Assert.Equal("subnet-1", AwsCli.Str(described["SubnetId"]));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(name, AwsCli.Str(Assert.Single(stopped["NotebookInstances"]!.AsArray())!["NotebookInstanceName"]));
        Assert.Equal(254, gone.ExitCode);
        Assert.Contains("RecordNotFound", gone.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_a_notebook_that_is_not_in_service_is_a_validation_error()
    {
        var aws = new AwsCli(cloud.Endpoint);
        var name = "nb-" + Guid.NewGuid().ToString("N")[..8];
        await aws.JsonAsync("sagemaker", "create-notebook-instance", "--notebook-instance-name", name, "--instance-type", "ml.t3.medium", "--role-arn", Role);
        await aws.JsonAsync("sagemaker", "stop-notebook-instance", "--notebook-instance-name", name);

        var again = await aws.RunAsync("sagemaker", "stop-notebook-instance", "--notebook-instance-name", name);

        Assert.Equal(254, again.ExitCode);
        Assert.Contains("ValidationException", again.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spot_training_job_completes_with_billable_time_below_training_time_and_jobs_list_newest_first()
    {
        var aws = new AwsCli(cloud.Endpoint);
        var first = "train-a-" + Guid.NewGuid().ToString("N")[..8];
        var second = "train-b-" + Guid.NewGuid().ToString("N")[..8];
        string[] Job(string name) =>
        [
            "sagemaker", "create-training-job", "--training-job-name", name, "--role-arn", Role,
            "--algorithm-specification", "TrainingImage=123.dkr.ecr.eu-west-1.amazonaws.com/xgb:1,TrainingInputMode=File",
            "--output-data-config", "S3OutputPath=s3://models/out",
            "--resource-config", "InstanceType=ml.m5.large,InstanceCount=1,VolumeSizeInGB=10",
            "--stopping-condition", "MaxRuntimeInSeconds=3600,MaxWaitTimeInSeconds=7200",
            "--enable-managed-spot-training",
            "--vpc-config", "SecurityGroupIds=sg-1,Subnets=subnet-1",
        ];
        await aws.JsonAsync(Job(first));
        await aws.JsonAsync(Job(second));
        var processing = "proc-" + Guid.NewGuid().ToString("N")[..8];
        await aws.JsonAsync("sagemaker", "create-processing-job", "--processing-job-name", processing, "--role-arn", Role,
            "--processing-resources", "ClusterConfig={InstanceCount=1,InstanceType=ml.m5.large,VolumeSizeInGB=10}",
            "--app-specification", "ImageUri=123.dkr.ecr.eu-west-1.amazonaws.com/proc:1");

        var described = await aws.JsonAsync("sagemaker", "describe-training-job", "--training-job-name", first);
        var listed = await aws.JsonAsync("sagemaker", "list-training-jobs", "--sort-by", "CreationTime", "--sort-order", "Descending", "--name-contains", "train-");
        var processed = await aws.JsonAsync("sagemaker", "list-processing-jobs", "--name-contains", processing);

        Assert.Equal("Completed", AwsCli.Str(described["TrainingJobStatus"]));
        Assert.True(described["BillableTimeInSeconds"]!.GetValue<int>() < described["TrainingTimeInSeconds"]!.GetValue<int>());
        Assert.Equal("subnet-1", AwsCli.Str(described["VpcConfig"]!["Subnets"]![0]));
        Assert.EndsWith($"/{first}/output/model.tar.gz", AwsCli.Str(described["ModelArtifacts"]!["S3ModelArtifacts"]), StringComparison.Ordinal);
        var names = listed["TrainingJobSummaries"]!.AsArray().Select(j => AwsCli.Str(j!["TrainingJobName"])).ToList();
        Assert.True(names.IndexOf(second) < names.IndexOf(first));
        Assert.Equal("Completed", AwsCli.Str(Assert.Single(processed["ProcessingJobSummaries"]!.AsArray())!["ProcessingJobStatus"]));
    }
}
