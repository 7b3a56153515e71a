using System.Text.Json.Nodes;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.SageMaker;

public sealed class SearchTests(LocalCloudFixture cloud)
{
    [Fact]
    public async Task Search_finds_training_jobs_without_a_vpc_config_of_one_project()
    {
        using var sm = new AwsWireClient(cloud.Endpoint);
        var project = "p" + Guid.NewGuid().ToString("N")[..8];
        await sm.SageMakerAsync("CreateTrainingJob", Job(project + "-in-vpc", project, new JsonObject { ["SecurityGroupIds"] = new JsonArray("sg-1"), ["Subnets"] = new JsonArray("subnet-1") }));
        await sm.SageMakerAsync("CreateTrainingJob", Job(project + "-open", project, null));
        await sm.SageMakerAsync("CreateTrainingJob", Job("other-" + project, "other", null));

        var found = await sm.SageMakerAsync("Search", new()
        {
            ["Resource"] = "TrainingJob",
            ["SearchExpression"] = new JsonObject
            {
                ["Filters"] = new JsonArray(
                    new JsonObject { ["Name"] = "Tags.project", ["Operator"] = "Equals", ["Value"] = project },
                    new JsonObject { ["Name"] = "VpcConfig.Subnets", ["Operator"] = "NotExists" }),
            },
        });
        var either = await sm.SageMakerAsync("Search", new()
        {
            ["Resource"] = "TrainingJob",
            ["SearchExpression"] = new JsonObject
            {
                ["Operator"] = "Or",
                ["Filters"] = new JsonArray(
                    new JsonObject { ["Name"] = "TrainingJobName", ["Operator"] = "Equals", ["Value"] = project + "-open" },
                    new JsonObject { ["Name"] = "TrainingJobName", ["Operator"] = "Equals", ["Value"] = "other-" + project }),
            },
            ["MaxResults"] = 100,
        });

        var job = Assert.Single(found["Results"]!.AsArray())!["TrainingJob"]!;
        Assert.Equal(project + "-open", job["TrainingJobName"]!.GetValue<string>());
        Assert.Equal(2, either["Results"]!.AsArray().Count);
    }

    private static JsonObject Job(string name, string project, JsonObject? vpc)
    {
        var job = new JsonObject
        {
            ["TrainingJobName"] = name,
            ["RoleArn"] = "arn:aws:iam::000000000000:role/r",
            ["AlgorithmSpecification"] = new JsonObject { ["TrainingImage"] = "img", ["TrainingInputMode"] = "File" },
            ["OutputDataConfig"] = new JsonObject { ["S3OutputPath"] = "s3://b/out" },
            ["ResourceConfig"] = new JsonObject { ["InstanceType"] = "ml.m5.large", ["InstanceCount"] = 1, ["VolumeSizeInGB"] = 10 },
            ["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = 3600 },
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "project", ["Value"] = project }),
        };
        if (vpc is not null)
        {
            job["VpcConfig"] = vpc;
        }

        return job;
    }
}
