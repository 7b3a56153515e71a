using System.Globalization;
using System.Text.Json.Nodes;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.SageMaker;

/// <summary>SageMaker in JSON 1.1 (<c>SageMaker</c>): notebooks, jobs, models, endpoints, monitoring, experiments, tags.</summary>
public sealed class SageMakerHandler : IJsonService
{
    private const string NamePattern = "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}";
    private const string RolePattern = "arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
    private const string ViolationsTag = "localcloud:violations";

    public string TargetPrefix => "SageMaker";

    public string SigningName => "sagemaker";

    public string ValidationErrorCode => "ValidationException";

    public bool IsReadOnly(string operation) =>
        operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal)
        || operation is "CreatePresignedNotebookInstanceUrl" or "Search";

    public JsonObject Invoke(string operation, JsonInput input, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        Iam.PolicyEnforcement.SageMakerEnforcement.Authorize(operation, input.Body, context);
        var sm = context.RegionState.SageMaker;
        var clock = context.Clock;
        var now = context.Now;
        return operation switch
        {
            "CreateNotebookInstance" => CreateNotebook(input, context),
            "DescribeNotebookInstance" => DescribeNotebook(Notebook(input, context), context),
            "ListNotebookInstances" => List(input, sm.All(SmKind.NotebookInstance, clock, now), "NotebookInstances", "Name", "Ascending", r => NotebookSummary(r, context), nameFilter: "NameContains", statusFilter: "StatusEquals"),
            "StartNotebookInstance" => NotebookAction(input, context, ["Stopped", "Failed"], "Pending", "InService"),
            "StopNotebookInstance" => NotebookAction(input, context, ["InService"], "Stopping", "Stopped"),
            "DeleteNotebookInstance" => NotebookAction(input, context, ["Stopped", "Failed"], "Deleting", "Deleted"),
            "UpdateNotebookInstance" => UpdateNotebook(input, context),
            "CreatePresignedNotebookInstanceUrl" => PresignedUrl(input, context),
            "CreateNotebookInstanceLifecycleConfig" => CreateLifecycleConfig(input, context),
            "DescribeNotebookInstanceLifecycleConfig" => DescribeLifecycleConfig(LifecycleConfig(input, context)),
            "UpdateNotebookInstanceLifecycleConfig" => UpdateLifecycleConfig(input, context),
            "DeleteNotebookInstanceLifecycleConfig" => Delete(input, context, SmKind.LifecycleConfig, "NotebookInstanceLifecycleConfigName", "ValidationException", "Unable to describe Notebook Instance Lifecycle Config"),
            "ListNotebookInstanceLifecycleConfigs" => List(input, sm.All(SmKind.LifecycleConfig, clock, now), "NotebookInstanceLifecycleConfigs", "CreationTime", "Descending", r => new JsonObject
            {
                ["NotebookInstanceLifecycleConfigName"] = r.Name,
                ["NotebookInstanceLifecycleConfigArn"] = r.Arn,
                ["CreationTime"] = AwsTime.Epoch(r.CreationTime),
                ["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime),
            }, nameFilter: "NameContains"),
            "CreateCodeRepository" => CreateCodeRepository(input, context),
            "DescribeCodeRepository" => CodeRepository(CodeRepositoryNamed(input, context)),
            "ListCodeRepositories" => List(input, sm.All(SmKind.CodeRepository, clock, now), "CodeRepositorySummaryList", "Name", "Ascending", CodeRepository, nameFilter: "NameContains"),
            "DeleteCodeRepository" => DeleteCodeRepository(input, context),
            "CreateTrainingJob" => CreateJob(input, context, SmKind.TrainingJob, "TrainingJobName", "TrainingJobArn"),
            "DescribeTrainingJob" => DescribeTrainingJob(Get(input, context, SmKind.TrainingJob, "TrainingJobName", "ResourceNotFound", "Requested resource not found.")),
            "ListTrainingJobs" => List(input, sm.All(SmKind.TrainingJob, clock, now), "TrainingJobSummaries", "CreationTime", "Descending", r => new JsonObject
            {
                ["TrainingJobName"] = r.Name,
                ["TrainingJobArn"] = r.Arn,
                ["CreationTime"] = AwsTime.Epoch(r.CreationTime),
                ["TrainingEndTime"] = Epoch(r.EndTime),
                ["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime),
                ["TrainingJobStatus"] = r.Status,
            }, nameFilter: "NameContains", statusFilter: "StatusEquals"),
            "StopTrainingJob" => StopJob(input, context, SmKind.TrainingJob, "TrainingJobName"),
            "CreateProcessingJob" => CreateJob(input, context, SmKind.ProcessingJob, "ProcessingJobName", "ProcessingJobArn"),
            "DescribeProcessingJob" => DescribeProcessingJob(Get(input, context, SmKind.ProcessingJob, "ProcessingJobName", "ResourceNotFound", "Could not find requested job with name " + input.Str("ProcessingJobName"))),
            "ListProcessingJobs" => List(input, sm.All(SmKind.ProcessingJob, clock, now), "ProcessingJobSummaries", "CreationTime", "Descending", r => new JsonObject
            {
                ["ProcessingJobName"] = r.Name,
                ["ProcessingJobArn"] = r.Arn,
                ["CreationTime"] = AwsTime.Epoch(r.CreationTime),
                ["ProcessingEndTime"] = Epoch(r.EndTime),
                ["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime),
                ["ProcessingJobStatus"] = r.Status,
                ["FailureReason"] = r.FailureReason,
                ["ExitMessage"] = r.Status == "Completed" ? "Completed: exit code 0" : null,
            }, nameFilter: "NameContains", statusFilter: "StatusEquals"),
            "StopProcessingJob" => StopJob(input, context, SmKind.ProcessingJob, "ProcessingJobName"),
            "CreateModel" => CreateSimple(input, context, SmKind.Model, "ModelName", "ModelArn", ["ExecutionRoleArn"], "Cannot create already existing model"),
            "DescribeModel" => Describe(Get(input, context, SmKind.Model, "ModelName", "ValidationException", $"Could not find model \"{input.Str("ModelName")}\"."), "ModelName", "ModelArn"),
            "ListModels" => List(input, sm.All(SmKind.Model, clock, now), "Models", "CreationTime", "Descending", r => new JsonObject { ["ModelName"] = r.Name, ["ModelArn"] = r.Arn, ["CreationTime"] = AwsTime.Epoch(r.CreationTime) }, nameFilter: "NameContains"),
            "DeleteModel" => Delete(input, context, SmKind.Model, "ModelName", "ValidationException", "Could not find model"),
            "CreateEndpointConfig" => CreateSimple(input, context, SmKind.EndpointConfig, "EndpointConfigName", "EndpointConfigArn", ["ProductionVariants"], "Cannot create already existing endpoint configuration"),
            "DescribeEndpointConfig" => Describe(Get(input, context, SmKind.EndpointConfig, "EndpointConfigName", "ValidationException", $"Could not find endpoint configuration \"{input.Str("EndpointConfigName")}\"."), "EndpointConfigName", "EndpointConfigArn"),
            "ListEndpointConfigs" => List(input, sm.All(SmKind.EndpointConfig, clock, now), "EndpointConfigs", "CreationTime", "Descending", r => new JsonObject { ["EndpointConfigName"] = r.Name, ["EndpointConfigArn"] = r.Arn, ["CreationTime"] = AwsTime.Epoch(r.CreationTime) }, nameFilter: "NameContains"),
            "DeleteEndpointConfig" => Delete(input, context, SmKind.EndpointConfig, "EndpointConfigName", "ValidationException", "Could not find endpoint configuration"),
            "CreateEndpoint" => CreateEndpoint(input, context),
            "UpdateEndpoint" => UpdateEndpoint(input, context),
            "DescribeEndpoint" => DescribeEndpoint(Endpoint(input, context), context),
            "ListEndpoints" => List(input, sm.All(SmKind.Endpoint, clock, now), "Endpoints", "CreationTime", "Descending", r => new JsonObject
            {
                ["EndpointName"] = r.Name,
                ["EndpointArn"] = r.Arn,
                ["CreationTime"] = AwsTime.Epoch(r.CreationTime),
                ["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime),
                ["EndpointStatus"] = r.Status,
            }, nameFilter: "NameContains", statusFilter: "StatusEquals"),
            "DeleteEndpoint" => DeleteEndpoint(input, context),
            "CreateMonitoringSchedule" => CreateMonitoringSchedule(input, context),
            "DescribeMonitoringSchedule" => DescribeMonitoringSchedule(Schedule(input, context), context),
            "ListMonitoringSchedules" => ListMonitoringSchedules(input, context),
            "StartMonitoringSchedule" => ScheduleAction(input, context, "Scheduled"),
            "StopMonitoringSchedule" => ScheduleAction(input, context, "Stopped"),
            "DeleteMonitoringSchedule" => Delete(input, context, SmKind.MonitoringSchedule, "MonitoringScheduleName", "ResourceNotFound", "Monitoring schedule not found"),
            "ListMonitoringExecutions" => ListMonitoringExecutions(input, context),
            "CreateExperiment" => CreateExperimentEntity(input, context, SmKind.Experiment, "ExperimentName", "ExperimentArn", null),
            "DescribeExperiment" => DescribeExperimentEntity(Get(input, context, SmKind.Experiment, "ExperimentName", "ResourceNotFound", "Experiment not found"), "ExperimentName", "ExperimentArn"),
            "ListExperiments" => List(input, sm.All(SmKind.Experiment, clock, now), "ExperimentSummaries", "CreationTime", "Descending", r => Summary(r, "ExperimentName", "ExperimentArn")),
            "DeleteExperiment" => DeleteExperiment(input, context),
            "CreateTrial" => CreateExperimentEntity(input, context, SmKind.Trial, "TrialName", "TrialArn", "ExperimentName"),
            "DescribeTrial" => DescribeExperimentEntity(Get(input, context, SmKind.Trial, "TrialName", "ResourceNotFound", "Trial not found"), "TrialName", "TrialArn"),
            "ListTrials" => ListTrials(input, context),
            "DeleteTrial" => DeleteExperimentChild(input, context, SmKind.Trial, "TrialName", "TrialArn"),
            "CreateTrialComponent" => CreateExperimentEntity(input, context, SmKind.TrialComponent, "TrialComponentName", "TrialComponentArn", null),
            "DescribeTrialComponent" => DescribeExperimentEntity(Get(input, context, SmKind.TrialComponent, "TrialComponentName", "ResourceNotFound", "Trial component not found"), "TrialComponentName", "TrialComponentArn"),
            "ListTrialComponents" => ListTrialComponents(input, context),
            "DeleteTrialComponent" => DeleteExperimentChild(input, context, SmKind.TrialComponent, "TrialComponentName", "TrialComponentArn"),
            "AssociateTrialComponent" => AssociateTrialComponent(input, context, associate: true),
            "DisassociateTrialComponent" => AssociateTrialComponent(input, context, associate: false),
            "Search" => Search(input, context),
            "AddTags" => AddTags(input, context),
            "ListTags" => ListTags(input, context),
            "DeleteTags" => DeleteTags(input, context),
            _ => throw new ServiceException("UnknownOperationException", $"LocalCloud does not implement SageMaker operation {operation}."),
        };
    }

    // ---- notebooks ----------------------------------------------------------------------------

    private static JsonObject CreateNotebook(JsonInput input, RequestContext context)
    {
        var name = input.Required("NotebookInstanceName", 1, 63, NamePattern);
        NotebookRules.CheckInstanceType(input.Required("InstanceType"));
        input.Required("RoleArn", 20, 2048, RolePattern);
        input.Enum("DirectInternetAccess", "Enabled", "Disabled");
        input.Enum("RootAccess", "Enabled", "Disabled");
        input.Int("VolumeSizeInGB", NotebookRules.MinVolumeSizeInGB, NotebookRules.MaxVolumeSizeInGB);
        input.Optional("KmsKeyId", 0, 2048);
        if (input.Str("LifecycleConfigName") is { } lifecycle)
        {
            _ = context.RegionState.SageMaker.Find(SmKind.LifecycleConfig, lifecycle, context.Clock, context.Now)
                ?? throw new ServiceException("ValidationException", $"Unable to describe Notebook Instance Lifecycle Config '{lifecycle}'.");
        }

        if (input.Strings("SecurityGroupIds").Count > 0 && input.Str("SubnetId") is null)
        {
            throw new ServiceException("ValidationException", "SubnetId is required when SecurityGroupIds are specified.");
        }

        if (input.Str("DirectInternetAccess") == "Disabled" && input.Str("SubnetId") is null)
        {
            throw new ServiceException("ValidationException", "DirectInternetAccess can be Disabled only when a SubnetId is specified.");
        }

        context.RegionState.SageMaker.CheckNotebookRepositories(CodeRepositories(input));
        var resource = context.RegionState.SageMaker.CreateNotebookInstance(context.AccountId, context.Region, name, Spec(input, "NotebookInstanceName"), Tags(input), context.Now);
        return new JsonObject { ["NotebookInstanceArn"] = resource.Arn };
    }

    /// <summary>The request's DefaultCodeRepository and AdditionalCodeRepositories (each a Git URL or a code repository name).</summary>
    private static IEnumerable<string> CodeRepositories(JsonInput input)
    {
        var repositories = input.Strings("AdditionalCodeRepositories").ToList();
        if (input.Optional("DefaultCodeRepository", 1, 1024) is { } repository)
        {
            repositories.Insert(0, repository);
        }

        return repositories;
    }

    // ---- code repositories --------------------------------------------------------------------

    private static JsonObject CreateCodeRepository(JsonInput input, RequestContext context)
    {
        var name = input.Required("CodeRepositoryName", 1, 63, NamePattern);
        var gitConfig = input.Obj("GitConfig") ?? throw input.Invalid("GitConfig", "Member must not be null", "null");
        var resource = context.RegionState.SageMaker.CreateCodeRepository(context.AccountId, context.Region, name, gitConfig, Tags(input), context.Now);
        return new JsonObject { ["CodeRepositoryArn"] = resource.Arn };
    }

    private static SmResource CodeRepositoryNamed(JsonInput input, RequestContext context)
    {
        var name = input.Required("CodeRepositoryName", 1, 63, NamePattern);
        return context.RegionState.SageMaker.Get(SmKind.CodeRepository, name, context.Clock, context.Now, "ValidationException", $"Cannot find CodeRepository with name {name}.");
    }

    private static JsonObject DeleteCodeRepository(JsonInput input, RequestContext context)
    {
        var repository = CodeRepositoryNamed(input, context);
        context.RegionState.SageMaker.Resources.Remove(SageMakerStore.Key(SmKind.CodeRepository, repository.Name));
        return [];
    }

    /// <summary>DescribeCodeRepository's output, which is also ListCodeRepositories' summary shape.</summary>
    private static JsonObject CodeRepository(SmResource r) => new()
    {
        ["CodeRepositoryName"] = r.Name,
        ["CodeRepositoryArn"] = r.Arn,
        ["CreationTime"] = AwsTime.Epoch(r.CreationTime),
        ["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime),
        ["GitConfig"] = SpecOf(r)["GitConfig"]?.DeepClone(),
    };

    private static SmResource Notebook(JsonInput input, RequestContext context)
    {
        var name = input.Required("NotebookInstanceName", 1, 63);
        return context.RegionState.SageMaker.Get(SmKind.NotebookInstance, name, context.Clock, context.Now, "ValidationException", "RecordNotFound");
    }

    private static JsonObject DescribeNotebook(SmResource r, RequestContext context)
    {
        var spec = SpecOf(r);
        return new JsonObject
        {
            ["NotebookInstanceArn"] = r.Arn,
            ["NotebookInstanceName"] = r.Name,
            ["NotebookInstanceStatus"] = r.Status,
            ["FailureReason"] = r.FailureReason,
            ["Url"] = Url(r, context),
            ["InstanceType"] = spec["InstanceType"]?.DeepClone(),
            ["SubnetId"] = spec["SubnetId"]?.DeepClone(),
            ["SecurityGroups"] = spec["SecurityGroupIds"]?.DeepClone(),
            ["RoleArn"] = spec["RoleArn"]?.DeepClone(),
            ["KmsKeyId"] = spec["KmsKeyId"]?.DeepClone(),
            ["NetworkInterfaceId"] = spec["SubnetId"] is null ? null : StableNetworkInterfaceId(r.Arn),
            ["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime),
            ["CreationTime"] = AwsTime.Epoch(r.CreationTime),
            ["NotebookInstanceLifecycleConfigName"] = spec["LifecycleConfigName"]?.DeepClone(),
            ["DirectInternetAccess"] = spec["DirectInternetAccess"]?.DeepClone() ?? "Enabled",
            ["VolumeSizeInGB"] = spec["VolumeSizeInGB"]?.DeepClone() ?? 5,
            ["AcceleratorTypes"] = spec["AcceleratorTypes"]?.DeepClone(),
            ["DefaultCodeRepository"] = spec["DefaultCodeRepository"]?.DeepClone(),
            ["AdditionalCodeRepositories"] = spec["AdditionalCodeRepositories"]?.DeepClone(),
            ["RootAccess"] = spec["RootAccess"]?.DeepClone() ?? "Enabled",
            ["PlatformIdentifier"] = spec["PlatformIdentifier"]?.DeepClone() ?? "notebook-al2-v2",
            ["InstanceMetadataServiceConfiguration"] = spec["InstanceMetadataServiceConfiguration"]?.DeepClone() ?? new JsonObject { ["MinimumInstanceMetadataServiceVersion"] = "1" },
        };
    }

    private static JsonObject NotebookSummary(SmResource r, RequestContext context)
    {
        var spec = SpecOf(r);
        return new JsonObject
        {
            ["NotebookInstanceName"] = r.Name,
            ["NotebookInstanceArn"] = r.Arn,
            ["NotebookInstanceStatus"] = r.Status,
            ["Url"] = Url(r, context),
            ["InstanceType"] = spec["InstanceType"]?.DeepClone(),
            ["CreationTime"] = AwsTime.Epoch(r.CreationTime),
            ["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime),
            ["NotebookInstanceLifecycleConfigName"] = spec["LifecycleConfigName"]?.DeepClone(),
            ["DefaultCodeRepository"] = spec["DefaultCodeRepository"]?.DeepClone(),
            ["AdditionalCodeRepositories"] = spec["AdditionalCodeRepositories"]?.DeepClone(),
        };
    }

    private static string Url(SmResource r, RequestContext context) => $"{r.Name.ToLowerInvariant()}.notebook.{context.Region}.sagemaker.aws";

    private static JsonObject NotebookAction(JsonInput input, RequestContext context, string[] allowed, string status, string next)
    {
        var notebook = Notebook(input, context);
        if (!allowed.Contains(notebook.Status))
        {
            throw new ServiceException("ValidationException", $"Status ({notebook.Status}) not in ([{string.Join(", ", allowed)}]). Unable to transition to ({status}) for Notebook Instance ({notebook.Arn}).");
        }

        SageMakerStore.Transition(notebook, status, next, context.Now);
        context.RegionState.SageMaker.Refresh(notebook, context.Clock, context.Now);
        return [];
    }

    private static JsonObject UpdateNotebook(JsonInput input, RequestContext context)
    {
        var notebook = Notebook(input, context);
        if (notebook.Status != "Stopped")
        {
            throw new ServiceException("ValidationException", $"Status ({notebook.Status}) not in ([Stopped]). Unable to transition to (Updating) for Notebook Instance ({notebook.Arn}).");
        }

        if (input.Str("InstanceType") is { } instanceType)
        {
            NotebookRules.CheckInstanceType(instanceType);
        }

        input.Optional("RoleArn", 20, 2048, RolePattern);
        input.Int("VolumeSizeInGB", NotebookRules.MinVolumeSizeInGB, NotebookRules.MaxVolumeSizeInGB);
        input.Enum("RootAccess", "Enabled", "Disabled");
        context.RegionState.SageMaker.CheckNotebookRepositories(CodeRepositories(input));
        var spec = SpecOf(notebook);
        foreach (var member in new[] { "InstanceType", "RoleArn", "LifecycleConfigName", "VolumeSizeInGB", "DefaultCodeRepository", "AdditionalCodeRepositories", "AcceleratorTypes", "RootAccess", "InstanceMetadataServiceConfiguration" })
        {
            if (input.Body[member] is { } value)
            {
                spec[member] = value.DeepClone();
            }
        }

        if (input.Bool("DisassociateLifecycleConfig") == true)
        {
            spec.Remove("LifecycleConfigName");
        }

        if (input.Bool("DisassociateDefaultCodeRepository") == true)
        {
            spec.Remove("DefaultCodeRepository");
        }

        if (input.Bool("DisassociateAcceleratorTypes") == true)
        {
            spec.Remove("AcceleratorTypes");
        }

        if (input.Bool("DisassociateAdditionalCodeRepositories") == true)
        {
            spec.Remove("AdditionalCodeRepositories");
        }

        notebook.Specification = spec.ToJsonString();
        SageMakerStore.Transition(notebook, "Updating", "Stopped", context.Now);
        context.RegionState.SageMaker.Refresh(notebook, context.Clock, context.Now);
        return [];
    }

    private static JsonObject PresignedUrl(JsonInput input, RequestContext context)
    {
        var notebook = Notebook(input, context);
        input.Int("SessionExpirationDurationInSeconds", 1800, 43200);
        if (notebook.Status != "InService")
        {
            throw new ServiceException("ValidationException", $"Notebook Instance {notebook.Name} is not InService (status {notebook.Status}).");
        }

        var token = IdGenerator.Secret(48).Replace('+', '-').Replace('/', '_');
        return new JsonObject { ["AuthorizedUrl"] = $"{context.Endpoint}/_localcloud/notebooks/{context.Region}/{notebook.Name}?authToken={token}" };
    }

    private static JsonObject CreateLifecycleConfig(JsonInput input, RequestContext context)
    {
        var name = input.Required("NotebookInstanceLifecycleConfigName", 1, 63, NamePattern);
        ValidateHooks(input);
        var resource = context.RegionState.SageMaker.Create(SmKind.LifecycleConfig, name, context.AccountId, context.Region, Spec(input, "NotebookInstanceLifecycleConfigName"), [], null, null, context.Now, "ResourceInUse", $"Unable to create Notebook Instance Lifecycle Config {name}: it already exists.");
        return new JsonObject { ["NotebookInstanceLifecycleConfigArn"] = resource.Arn };
    }

    private static SmResource LifecycleConfig(JsonInput input, RequestContext context) =>
        Get(input, context, SmKind.LifecycleConfig, "NotebookInstanceLifecycleConfigName", "ValidationException", "Unable to describe Notebook Instance Lifecycle Config");

    private static JsonObject DescribeLifecycleConfig(SmResource r)
    {
        var spec = SpecOf(r);
        return new JsonObject
        {
            ["NotebookInstanceLifecycleConfigArn"] = r.Arn,
            ["NotebookInstanceLifecycleConfigName"] = r.Name,
            ["OnCreate"] = spec["OnCreate"]?.DeepClone() ?? new JsonArray(),
            ["OnStart"] = spec["OnStart"]?.DeepClone() ?? new JsonArray(),
            ["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime),
            ["CreationTime"] = AwsTime.Epoch(r.CreationTime),
        };
    }

    private static JsonObject UpdateLifecycleConfig(JsonInput input, RequestContext context)
    {
        var resource = LifecycleConfig(input, context);
        ValidateHooks(input);
        var spec = SpecOf(resource);
        foreach (var member in new[] { "OnCreate", "OnStart" })
        {
            if (input.Body[member] is { } value)
            {
                spec[member] = value.DeepClone();
            }
        }

        resource.Specification = spec.ToJsonString();
        resource.LastModifiedTime = context.Now;
        return [];
    }

    private static void ValidateHooks(JsonInput input)
    {
        foreach (var member in new[] { "OnCreate", "OnStart" })
        {
            var hooks = input.Array(member);
            if (hooks.Count > 1)
            {
                throw input.Invalid(member, "Member must have length less than or equal to 1");
            }

            foreach (var hook in hooks)
            {
                var content = hook?["Content"]?.GetValue<string>() ?? string.Empty;
                if (content.Length is < 1 or > 16384)
                {
                    throw input.Invalid(member + ".member.content", "Member must have length between 1 and 16384");
                }

                try
                {
                    Convert.FromBase64String(content);
                }
                catch (FormatException)
                {
                    throw new ServiceException("ValidationException", "Lifecycle configuration content must be base64-encoded.");
                }
            }
        }
    }

    // ---- jobs --------------------------------------------------------------------------------

    private static JsonObject CreateJob(JsonInput input, RequestContext context, string kind, string nameMember, string arnMember)
    {
        var name = input.Required(nameMember, 1, 63, NamePattern);
        input.Required("RoleArn", 20, 2048, RolePattern);
        if (kind == SmKind.TrainingJob)
        {
            _ = input.Obj("AlgorithmSpecification") ?? throw input.Invalid("AlgorithmSpecification", "Member must not be null", "null");
            _ = input.Obj("OutputDataConfig")?["S3OutputPath"] ?? throw input.Invalid("OutputDataConfig", "Member must not be null", "null");
            var resources = input.Obj("ResourceConfig") ?? throw input.Invalid("ResourceConfig", "Member must not be null", "null");
            if (resources["InstanceCount"] is null && resources["InstanceGroups"] is null)
            {
                throw input.Invalid("ResourceConfig.InstanceCount", "Member must not be null", "null");
            }

            _ = input.Obj("StoppingCondition") ?? throw input.Invalid("StoppingCondition", "Member must not be null", "null");
            if (input.Bool("EnableManagedSpotTraining") == true && input.Obj("StoppingCondition")?["MaxWaitTimeInSeconds"] is null)
            {
                throw new ServiceException("ValidationException", "Invalid MaxWaitTimeInSeconds. It must be present and be greater than or equal to MaxRuntimeInSeconds");
            }
        }
        else
        {
            _ = input.Obj("ProcessingResources") ?? throw input.Invalid("ProcessingResources", "Member must not be null", "null");
            _ = input.Obj("AppSpecification") ?? throw input.Invalid("AppSpecification", "Member must not be null", "null");
        }

        var sm = context.RegionState.SageMaker;
        var job = sm.Create(kind, name, context.AccountId, context.Region, Spec(input, nameMember), Tags(input), "InProgress", "Completed", context.Now, "ResourceInUse", $"Job names must be unique within an AWS account and region, and a job with this name already exists ({ResourceArn(context, kind, name)})");
        job.StartTime = context.Now;
        if (input.Obj("ExperimentConfig")?["TrialName"]?.GetValue<string>() is { } trialName
            && sm.Find(SmKind.Trial, trialName, context.Clock, context.Now) is not null)
        {
            var suffix = kind == SmKind.TrainingJob ? "-aws-training-job" : "-aws-processing-job";
            var component = sm.Create(SmKind.TrialComponent, name + suffix, context.AccountId, context.Region, [], [], null, null, context.Now, "ResourceInUse", "Trial component exists");
            component.Links["SourceArn"] = job.Arn;
            component.Links["SourceType"] = kind == SmKind.TrainingJob ? "SageMakerTrainingJob" : "SageMakerProcessingJob";
            component.Links["Trials"] = trialName;
        }

        return new JsonObject { [arnMember] = job.Arn };
    }

    private static string ResourceArn(RequestContext context, string kind, string name) =>
        $"arn:aws:sagemaker:{context.Region}:{context.AccountId}:{kind}/{name.ToLowerInvariant()}";

    private static JsonObject StopJob(JsonInput input, RequestContext context, string kind, string nameMember)
    {
        var job = Get(input, context, kind, nameMember, kind == SmKind.TrainingJob ? "ResourceNotFound" : "ValidationException", "Requested resource not found.");
        if (job.Status != "InProgress")
        {
            throw new ServiceException("ValidationException", $"The job status is {job.Status}; only an InProgress job can be stopped.");
        }

        SageMakerStore.Transition(job, "Stopping", "Stopped", context.Now);
        context.RegionState.SageMaker.Refresh(job, context.Clock, context.Now);
        return [];
    }

    private static JsonObject DescribeTrainingJob(SmResource r)
    {
        var output = SpecOf(r);
        output["TrainingJobName"] = r.Name;
        output["TrainingJobArn"] = r.Arn;
        output["TrainingJobStatus"] = r.Status;
        output["SecondaryStatus"] = r.Status switch
        {
            "InProgress" => "Training",
            var s => s,
        };
        output["FailureReason"] = r.FailureReason;
        var outputPath = output["OutputDataConfig"]?["S3OutputPath"]?.GetValue<string>()?.TrimEnd('/') ?? string.Empty;
        output["ModelArtifacts"] = new JsonObject { ["S3ModelArtifacts"] = r.Status == "Completed" ? $"{outputPath}/{r.Name}/output/model.tar.gz" : string.Empty };
        output["CreationTime"] = AwsTime.Epoch(r.CreationTime);
        output["TrainingStartTime"] = Epoch(r.StartTime);
        output["TrainingEndTime"] = Epoch(r.EndTime);
        output["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime);
        output["EnableNetworkIsolation"] ??= false;
        output["EnableInterContainerTrafficEncryption"] ??= false;
        output["EnableManagedSpotTraining"] ??= false;
        output["SecondaryStatusTransitions"] = new JsonArray(new JsonObject
        {
            ["Status"] = "Starting",
            ["StartTime"] = AwsTime.Epoch(r.CreationTime),
            ["EndTime"] = Epoch(r.StartTime),
            ["StatusMessage"] = "Preparing the instances for training",
        });
        if (r.EndTime is { } end && r.StartTime is { } start)
        {
            var trainingSeconds = Math.Max(60, (int)(end - start).TotalSeconds);
            output["TrainingTimeInSeconds"] = trainingSeconds;
            output["BillableTimeInSeconds"] = output["EnableManagedSpotTraining"]!.GetValue<bool>()
                ? Math.Max(1, (int)Math.Round(trainingSeconds * 0.3))
                : trainingSeconds;
        }

        return output;
    }

    private static JsonObject DescribeProcessingJob(SmResource r)
    {
        var output = SpecOf(r);
        output["ProcessingJobName"] = r.Name;
        output["ProcessingJobArn"] = r.Arn;
        output["ProcessingJobStatus"] = r.Status;
        output["ExitMessage"] = r.Status == "Completed" ? "Completed: exit code 0" : null;
        output["FailureReason"] = r.FailureReason;
        output["ProcessingStartTime"] = Epoch(r.StartTime);
        output["ProcessingEndTime"] = Epoch(r.EndTime);
        output["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime);
        output["CreationTime"] = AwsTime.Epoch(r.CreationTime);
        return output;
    }

    // ---- models, endpoint configs, endpoints ---------------------------------------------------

    private static JsonObject CreateSimple(JsonInput input, RequestContext context, string kind, string nameMember, string arnMember, string[] required, string duplicateMessage)
    {
        var name = input.Required(nameMember, 1, 63, NamePattern);
        foreach (var member in required)
        {
            if (!input.Has(member))
            {
                throw input.Invalid(member, "Member must not be null", "null");
            }
        }

        if (kind == SmKind.Model)
        {
            input.Required("ExecutionRoleArn", 20, 2048, RolePattern);
        }

        if (kind == SmKind.EndpointConfig && input.Array("ProductionVariants").Count == 0)
        {
            throw input.Invalid("ProductionVariants", "Member must have length greater than or equal to 1");
        }

        if (kind == SmKind.EndpointConfig)
        {
            foreach (var variant in input.Array("ProductionVariants"))
            {
                var model = variant?["ModelName"]?.GetValue<string>() ?? string.Empty;
                _ = context.RegionState.SageMaker.Find(SmKind.Model, model, context.Clock, context.Now)
                    ?? throw new ServiceException("ValidationException", $"Could not find model \"{model}\".");
            }
        }

        var resource = context.RegionState.SageMaker.Create(kind, name, context.AccountId, context.Region, Spec(input, nameMember), Tags(input), null, null, context.Now, "ValidationException", $"{duplicateMessage} \"{ResourceArn(context, kind, name)}\".");
        return new JsonObject { [arnMember] = resource.Arn };
    }

    private static JsonObject Describe(SmResource r, string nameMember, string arnMember)
    {
        var output = SpecOf(r);
        output[nameMember] = r.Name;
        output[arnMember] = r.Arn;
        output["CreationTime"] = AwsTime.Epoch(r.CreationTime);
        return output;
    }

    private static JsonObject CreateEndpoint(JsonInput input, RequestContext context)
    {
        var name = input.Required("EndpointName", 1, 63, NamePattern);
        var configName = input.Required("EndpointConfigName", 1, 63);
        var sm = context.RegionState.SageMaker;
        _ = sm.Find(SmKind.EndpointConfig, configName, context.Clock, context.Now)
            ?? throw new ServiceException("ValidationException", $"Could not find endpoint configuration \"{configName}\".");
        var endpoint = sm.Create(SmKind.Endpoint, name, context.AccountId, context.Region, Spec(input, "EndpointName"), Tags(input), "Creating", "InService", context.Now, "ValidationException", $"Cannot create already existing endpoint \"{ResourceArn(context, SmKind.Endpoint, name)}\".");
        endpoint.Links["EndpointConfigName"] = configName;
        return new JsonObject { ["EndpointArn"] = endpoint.Arn };
    }

    private static SmResource Endpoint(JsonInput input, RequestContext context)
    {
        var name = input.Required("EndpointName", 1, 63);
        return context.RegionState.SageMaker.Get(SmKind.Endpoint, name, context.Clock, context.Now, "ValidationException", $"Could not find endpoint \"{name}\".");
    }

    private static JsonObject UpdateEndpoint(JsonInput input, RequestContext context)
    {
        var endpoint = Endpoint(input, context);
        var configName = input.Required("EndpointConfigName", 1, 63);
        _ = context.RegionState.SageMaker.Find(SmKind.EndpointConfig, configName, context.Clock, context.Now)
            ?? throw new ServiceException("ValidationException", $"Could not find endpoint configuration \"{configName}\".");
        if (endpoint.Status != "InService")
        {
            throw new ServiceException("ValidationException", $"Cannot update in-progress endpoint \"{endpoint.Arn}\".");
        }

        endpoint.Links["EndpointConfigName"] = configName;
        SageMakerStore.Transition(endpoint, "Updating", "InService", context.Now);
        context.RegionState.SageMaker.Refresh(endpoint, context.Clock, context.Now);
        return new JsonObject { ["EndpointArn"] = endpoint.Arn };
    }

    private static JsonObject DeleteEndpoint(JsonInput input, RequestContext context)
    {
        var endpoint = Endpoint(input, context);
        SageMakerStore.Transition(endpoint, "Deleting", "Deleted", context.Now);
        context.RegionState.SageMaker.Refresh(endpoint, context.Clock, context.Now);
        return [];
    }

    private static JsonObject DescribeEndpoint(SmResource r, RequestContext context)
    {
        var configName = r.Links.GetValueOrDefault("EndpointConfigName") ?? string.Empty;
        var config = context.RegionState.SageMaker.Find(SmKind.EndpointConfig, configName, context.Clock, context.Now);
        var variants = config is null ? [] : SpecOf(config)["ProductionVariants"]?.AsArray() ?? [];
        var inService = r.Status is "InService" or "Updating";
        return new JsonObject
        {
            ["EndpointName"] = r.Name,
            ["EndpointArn"] = r.Arn,
            ["EndpointConfigName"] = configName,
            ["ProductionVariants"] = new JsonArray(variants.Select(v => (JsonNode)new JsonObject
            {
                ["VariantName"] = v?["VariantName"]?.DeepClone(),
                ["DeployedImages"] = new JsonArray(),
                ["CurrentWeight"] = v?["InitialVariantWeight"]?.DeepClone() ?? 1.0,
                ["DesiredWeight"] = v?["InitialVariantWeight"]?.DeepClone() ?? 1.0,
                ["CurrentInstanceCount"] = inService ? v?["InitialInstanceCount"]?.DeepClone() ?? 1 : 0,
                ["DesiredInstanceCount"] = v?["InitialInstanceCount"]?.DeepClone() ?? 1,
            }).ToArray()),
            ["DataCaptureConfig"] = config is null ? null : SpecOf(config)["DataCaptureConfig"] is JsonObject capture
                ? new JsonObject
                {
                    ["EnableCapture"] = capture["EnableCapture"]?.DeepClone() ?? true,
                    ["CaptureStatus"] = "Started",
                    ["CurrentSamplingPercentage"] = capture["InitialSamplingPercentage"]?.DeepClone(),
                    ["DestinationS3Uri"] = capture["DestinationS3Uri"]?.DeepClone(),
                    ["KmsKeyId"] = capture["KmsKeyId"]?.DeepClone(),
                }
                : null,
            ["EndpointStatus"] = r.Status,
            ["FailureReason"] = r.FailureReason,
            ["CreationTime"] = AwsTime.Epoch(r.CreationTime),
            ["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime),
        };
    }

    // ---- monitoring --------------------------------------------------------------------------

    private static JsonObject CreateMonitoringSchedule(JsonInput input, RequestContext context)
    {
        var name = input.Required("MonitoringScheduleName", 1, 63, NamePattern);
        var config = input.Obj("MonitoringScheduleConfig") ?? throw input.Invalid("MonitoringScheduleConfig", "Member must not be null", "null");
        var endpointName = config["MonitoringJobDefinition"]?["MonitoringInputs"]?.AsArray().FirstOrDefault()?["EndpointInput"]?["EndpointName"]?.GetValue<string>();
        var sm = context.RegionState.SageMaker;
        if (endpointName is not null)
        {
            _ = sm.Find(SmKind.Endpoint, endpointName, context.Clock, context.Now)
                ?? throw new ServiceException("ValidationException", $"Could not find endpoint \"{endpointName}\".");
        }

        var schedule = sm.Create(SmKind.MonitoringSchedule, name, context.AccountId, context.Region, Spec(input, "MonitoringScheduleName"), Tags(input), "Pending", "Scheduled", context.Now, "ResourceInUse", $"Monitoring schedule {name} already exists.");
        if (endpointName is not null)
        {
            schedule.Links["EndpointName"] = endpointName;
        }

        return new JsonObject { ["MonitoringScheduleArn"] = schedule.Arn };
    }

    private static SmResource Schedule(JsonInput input, RequestContext context) =>
        Get(input, context, SmKind.MonitoringSchedule, "MonitoringScheduleName", "ResourceNotFound", "Monitoring schedule not found");

    private static JsonObject ScheduleAction(JsonInput input, RequestContext context, string status)
    {
        var schedule = Schedule(input, context);
        SageMakerStore.Transition(schedule, status, null, context.Now);
        return [];
    }

    private static JsonObject DescribeMonitoringSchedule(SmResource r, RequestContext context)
    {
        var spec = SpecOf(r);
        var config = spec["MonitoringScheduleConfig"]?.DeepClone();
        var last = Executions(r, context).LastOrDefault();
        return new JsonObject
        {
            ["MonitoringScheduleArn"] = r.Arn,
            ["MonitoringScheduleName"] = r.Name,
            ["MonitoringScheduleStatus"] = r.Status,
            ["MonitoringType"] = config?["MonitoringType"]?.DeepClone() ?? "DataQuality",
            ["CreationTime"] = AwsTime.Epoch(r.CreationTime),
            ["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime),
            ["MonitoringScheduleConfig"] = config,
            ["EndpointName"] = r.Links.GetValueOrDefault("EndpointName"),
            ["LastMonitoringExecutionSummary"] = last,
        };
    }

    private static JsonObject ListMonitoringSchedules(JsonInput input, RequestContext context)
    {
        var endpoint = input.Str("EndpointName");
        var type = input.Str("MonitoringTypeEquals");
        var schedules = context.RegionState.SageMaker.All(SmKind.MonitoringSchedule, context.Clock, context.Now)
            .Where(s => endpoint is null || s.Links.GetValueOrDefault("EndpointName") == endpoint)
            .Where(s => type is null || (SpecOf(s)["MonitoringScheduleConfig"]?["MonitoringType"]?.GetValue<string>() ?? "DataQuality") == type);
        return List(input, schedules, "MonitoringScheduleSummaries", "CreationTime", "Descending", r => new JsonObject
        {
            ["MonitoringScheduleName"] = r.Name,
            ["MonitoringScheduleArn"] = r.Arn,
            ["CreationTime"] = AwsTime.Epoch(r.CreationTime),
            ["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime),
            ["MonitoringScheduleStatus"] = r.Status,
            ["EndpointName"] = r.Links.GetValueOrDefault("EndpointName"),
            ["MonitoringType"] = SpecOf(r)["MonitoringScheduleConfig"]?["MonitoringType"]?.DeepClone() ?? "DataQuality",
        }, nameFilter: "NameContains", statusFilter: "StatusEquals");
    }

    /// <summary>
    /// Executions of a schedule, derived from the clock: one when it becomes Scheduled, then one per hour
    /// while it stays Scheduled. Each runs for one transition; it ends CompletedWithViolations when the
    /// schedule carries the tag <c>localcloud:violations=true</c>, else Completed.
    /// </summary>
    private static List<JsonObject> Executions(SmResource schedule, RequestContext context)
    {
        var result = new List<JsonObject>();
        var firstAt = context.Clock.After(schedule.CreationTime);
        if (context.Now < firstAt || (schedule.Status == "Pending"))
        {
            return result;
        }

        var end = schedule.Status == "Stopped" ? schedule.StatusSince : context.Now;
        var violations = schedule.Tags.Any(t => t.Key == ViolationsTag && t.Value == "true");
        var type = SpecOf(schedule)["MonitoringScheduleConfig"]?["MonitoringType"]?.GetValue<string>() ?? "DataQuality";
        var index = 0;
        for (var at = firstAt; at <= end && index < 500; at = at.AddHours(1), index++)
        {
            var finished = context.Clock.HasElapsed(at, context.Now);
            var jobName = $"model-monitoring-{at.UtcDateTime:yyyyMMddHHmm}-{schedule.Name}".ToLowerInvariant();
            result.Add(new JsonObject
            {
                ["MonitoringScheduleName"] = schedule.Name,
                ["ScheduledTime"] = AwsTime.Epoch(at),
                ["CreationTime"] = AwsTime.Epoch(at),
                ["LastModifiedTime"] = AwsTime.Epoch(finished ? context.Clock.After(at) : at),
                ["MonitoringExecutionStatus"] = finished ? violations ? "CompletedWithViolations" : "Completed" : "InProgress",
                ["ProcessingJobArn"] = $"arn:aws:sagemaker:{context.Region}:{context.AccountId}:processing-job/{(jobName.Length > 63 ? jobName[..63] : jobName)}",
                ["EndpointName"] = schedule.Links.GetValueOrDefault("EndpointName"),
                ["FailureReason"] = violations && finished ? "Job completed successfully with violations." : null,
                ["MonitoringType"] = type,
            });
        }

        return result;
    }

    private static JsonObject ListMonitoringExecutions(JsonInput input, RequestContext context)
    {
        var scheduleName = input.Str("MonitoringScheduleName");
        var endpoint = input.Str("EndpointName");
        var status = input.Enum("StatusEquals", "Pending", "Completed", "CompletedWithViolations", "InProgress", "Failed", "Stopping", "Stopped");
        var after = input.Time("ScheduledTimeAfter");
        var before = input.Time("ScheduledTimeBefore");
        var executions = context.RegionState.SageMaker.All(SmKind.MonitoringSchedule, context.Clock, context.Now)
            .Where(s => scheduleName is null || string.Equals(s.Name, scheduleName, StringComparison.OrdinalIgnoreCase))
            .Where(s => endpoint is null || s.Links.GetValueOrDefault("EndpointName") == endpoint)
            .SelectMany(s => Executions(s, context))
            .Where(e => status is null || e["MonitoringExecutionStatus"]!.GetValue<string>() == status)
            .Where(e => after is null || AwsTime.FromEpoch(e["ScheduledTime"]!.GetValue<double>()) > after)
            .Where(e => before is null || AwsTime.FromEpoch(e["ScheduledTime"]!.GetValue<double>()) < before)
            .ToList();
        var sortBy = input.Enum("SortBy", "CreationTime", "ScheduledTime", "Status") ?? "ScheduledTime";
        var ordered = sortBy == "Status"
            ? executions.OrderBy(e => e["MonitoringExecutionStatus"]!.GetValue<string>(), StringComparer.Ordinal).ToList()
            : executions.OrderBy(e => e["ScheduledTime"]!.GetValue<double>()).ToList();
        if (input.Enum("SortOrder", "Ascending", "Descending") != "Ascending")
        {
            ordered.Reverse();
        }

        var (page, next) = Paging.Page(ordered, input.Str("NextToken"), input.Int("MaxResults", 1, 100) ?? 10);
        return new JsonObject { ["MonitoringExecutionSummaries"] = new JsonArray(page.Select(e => (JsonNode)e).ToArray()), ["NextToken"] = next };
    }

    // ---- experiments -------------------------------------------------------------------------

    private static JsonObject CreateExperimentEntity(JsonInput input, RequestContext context, string kind, string nameMember, string arnMember, string? parentMember)
    {
        var name = input.Required(nameMember, 1, 120, "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}");
        input.Optional("DisplayName", 1, 120);
        var sm = context.RegionState.SageMaker;
        if (parentMember is not null)
        {
            var parent = input.Required(parentMember, 1, 120);
            _ = sm.Find(SmKind.Experiment, parent, context.Clock, context.Now)
                ?? throw new ServiceException("ResourceNotFound", $"Experiment '{parent}' does not exist.");
        }

        var resource = sm.Create(kind, name, context.AccountId, context.Region, Spec(input, nameMember), Tags(input), null, null, context.Now, "ValidationException", $"{nameMember[..^4]} {name} already exists.");
        if (parentMember is not null)
        {
            resource.Links["ExperimentName"] = input.Required(parentMember);
        }

        return new JsonObject { [arnMember] = resource.Arn };
    }

    private static JsonObject DescribeExperimentEntity(SmResource r, string nameMember, string arnMember)
    {
        var output = SpecOf(r);
        output[nameMember] = r.Name;
        output[arnMember] = r.Arn;
        output["DisplayName"] ??= r.Name;
        output["CreationTime"] = AwsTime.Epoch(r.CreationTime);
        output["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime);
        if (r.Links.TryGetValue("ExperimentName", out var experiment))
        {
            output["ExperimentName"] = experiment;
        }

        if (r.Links.TryGetValue("SourceArn", out var source))
        {
            output["Source"] = new JsonObject { ["SourceArn"] = source, ["SourceType"] = r.Links.GetValueOrDefault("SourceType") };
        }

        return output;
    }

    private static JsonObject Summary(SmResource r, string nameMember, string arnMember) => new()
    {
        [arnMember] = r.Arn,
        [nameMember] = r.Name,
        ["DisplayName"] = SpecOf(r)["DisplayName"]?.DeepClone() ?? r.Name,
        ["CreationTime"] = AwsTime.Epoch(r.CreationTime),
        ["LastModifiedTime"] = AwsTime.Epoch(r.LastModifiedTime),
    };

    private static JsonObject DeleteExperiment(JsonInput input, RequestContext context)
    {
        var experiment = Get(input, context, SmKind.Experiment, "ExperimentName", "ResourceNotFound", "Experiment not found");
        var sm = context.RegionState.SageMaker;
        if (sm.All(SmKind.Trial, context.Clock, context.Now).Any(t => t.Links.GetValueOrDefault("ExperimentName") == experiment.Name))
        {
            throw new ServiceException("ValidationException", "The experiment has trials; delete them first.");
        }

        sm.Resources.Remove(SageMakerStore.Key(SmKind.Experiment, experiment.Name));
        return new JsonObject { ["ExperimentArn"] = experiment.Arn };
    }

    private static JsonObject DeleteExperimentChild(JsonInput input, RequestContext context, string kind, string nameMember, string arnMember)
    {
        var resource = Get(input, context, kind, nameMember, "ResourceNotFound", $"{nameMember[..^4]} not found");
        var sm = context.RegionState.SageMaker;
        if (kind == SmKind.Trial && sm.All(SmKind.TrialComponent, context.Clock, context.Now).Any(c => TrialsOf(c).Contains(resource.Name)))
        {
            throw new ServiceException("ValidationException", "The trial has associated trial components; disassociate them first.");
        }

        sm.Resources.Remove(SageMakerStore.Key(kind, resource.Name));
        return new JsonObject { [arnMember] = resource.Arn };
    }

    private static List<string> TrialsOf(SmResource component) =>
        [.. (component.Links.GetValueOrDefault("Trials") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private static JsonObject AssociateTrialComponent(JsonInput input, RequestContext context, bool associate)
    {
        var component = Get(input, context, SmKind.TrialComponent, "TrialComponentName", "ResourceNotFound", "Trial component not found");
        var trial = Get(input, context, SmKind.Trial, "TrialName", "ResourceNotFound", "Trial not found");
        var trials = TrialsOf(component);
        if (associate && !trials.Contains(trial.Name))
        {
            trials.Add(trial.Name);
        }
        else if (!associate)
        {
            trials.Remove(trial.Name);
        }

        component.Links["Trials"] = string.Join(',', trials);
        component.LastModifiedTime = context.Now;
        return new JsonObject { ["TrialComponentArn"] = component.Arn, ["TrialArn"] = trial.Arn };
    }

    private static JsonObject ListTrials(JsonInput input, RequestContext context)
    {
        var sm = context.RegionState.SageMaker;
        var experiment = input.Str("ExperimentName");
        var componentName = input.Str("TrialComponentName");
        var component = componentName is null ? null : sm.Find(SmKind.TrialComponent, componentName, context.Clock, context.Now);
        var trials = sm.All(SmKind.Trial, context.Clock, context.Now)
            .Where(t => experiment is null || t.Links.GetValueOrDefault("ExperimentName") == experiment)
            .Where(t => componentName is null || (component is not null && TrialsOf(component).Contains(t.Name)));
        return List(input, trials, "TrialSummaries", "CreationTime", "Descending", r => Summary(r, "TrialName", "TrialArn"));
    }

    private static JsonObject ListTrialComponents(JsonInput input, RequestContext context)
    {
        var sm = context.RegionState.SageMaker;
        var experiment = input.Str("ExperimentName");
        var trialName = input.Str("TrialName");
        var source = input.Str("SourceArn");
        var trialsOfExperiment = experiment is null ? null : sm.All(SmKind.Trial, context.Clock, context.Now).Where(t => t.Links.GetValueOrDefault("ExperimentName") == experiment).Select(t => t.Name).ToHashSet();
        var components = sm.All(SmKind.TrialComponent, context.Clock, context.Now)
            .Where(c => trialName is null || TrialsOf(c).Contains(trialName))
            .Where(c => trialsOfExperiment is null || TrialsOf(c).Any(trialsOfExperiment.Contains))
            .Where(c => source is null || c.Links.GetValueOrDefault("SourceArn") == source);
        return List(input, components, "TrialComponentSummaries", "CreationTime", "Descending", r =>
        {
            var summary = Summary(r, "TrialComponentName", "TrialComponentArn");
            summary["Status"] = ComponentStatus(r, context);
            if (r.Links.TryGetValue("SourceArn", out var sourceArn))
            {
                summary["TrialComponentSource"] = new JsonObject { ["SourceArn"] = sourceArn, ["SourceType"] = r.Links.GetValueOrDefault("SourceType") };
            }

            return summary;
        });
    }

    private static JsonNode? ComponentStatus(SmResource component, RequestContext context)
    {
        if (component.Links.TryGetValue("SourceArn", out var sourceArn)
            && context.RegionState.SageMaker.FindByArn(sourceArn, context.Clock, context.Now) is { } job)
        {
            return new JsonObject { ["PrimaryStatus"] = job.Status, ["Message"] = $"Status: {job.Status}" };
        }

        return SpecOf(component)["Status"]?.DeepClone();
    }

    // ---- search ------------------------------------------------------------------------------

    private static JsonObject Search(JsonInput input, RequestContext context)
    {
        var resource = input.Required("Resource");
        var sm = context.RegionState.SageMaker;
        (string Kind, string RecordMember, Func<SmResource, JsonObject> Render) target = resource switch
        {
            "TrainingJob" => (SmKind.TrainingJob, "TrainingJob", r => DescribeTrainingJob(r)),
            "Experiment" => (SmKind.Experiment, "Experiment", r => DescribeExperimentEntity(r, "ExperimentName", "ExperimentArn")),
            "ExperimentTrial" => (SmKind.Trial, "Trial", r => DescribeExperimentEntity(r, "TrialName", "TrialArn")),
            "ExperimentTrialComponent" => (SmKind.TrialComponent, "TrialComponent", r =>
            {
                var component = DescribeExperimentEntity(r, "TrialComponentName", "TrialComponentArn");
                component["Status"] = ComponentStatus(r, context);
                component["Parents"] = new JsonArray(TrialsOf(r).Select(t => (JsonNode)new JsonObject
                {
                    ["TrialName"] = t,
                    ["ExperimentName"] = sm.Find(SmKind.Trial, t, context.Clock, context.Now)?.Links.GetValueOrDefault("ExperimentName"),
                }).ToArray());
                return component;
            }),
            "Endpoint" => (SmKind.Endpoint, "Endpoint", r => DescribeEndpoint(r, context)),
            "Model" => (SmKind.Model, "Model", r => Describe(r, "ModelName", "ModelArn")),
            _ => throw new ServiceException("ValidationException", $"LocalCloud searches TrainingJob, Experiment, ExperimentTrial, ExperimentTrialComponent, Endpoint and Model, not {resource}."),
        };
        var expression = input.Obj("SearchExpression");
        var records = sm.All(target.Kind, context.Clock, context.Now)
            .Select(r =>
            {
                var record = target.Render(r);
                record["Tags"] = TagArray(r.Tags);
                return (Resource: r, Record: record);
            })
            .Where(x => SearchExpression.Matches(expression, x.Record))
            .ToList();
        var sortBy = input.Str("SortBy");
        var ordered = sortBy is null
            ? records.OrderBy(x => x.Resource.CreationTime).ToList()
            : records.OrderBy(x => x.Record[sortBy]?.ToJsonString() ?? string.Empty, StringComparer.Ordinal).ToList();
        if (input.Enum("SortOrder", "Ascending", "Descending") != "Ascending")
        {
            ordered.Reverse();
        }

        var (page, next) = Paging.Page(ordered, input.Str("NextToken"), input.Int("MaxResults", 1, 100) ?? 10);
        return new JsonObject
        {
            ["Results"] = new JsonArray(page.Select(x => (JsonNode)new JsonObject { [target.RecordMember] = x.Record }).ToArray()),
            ["NextToken"] = next,
        };
    }

    // ---- tags --------------------------------------------------------------------------------

    private static SmResource ByArn(JsonInput input, RequestContext context)
    {
        var arn = input.Required("ResourceArn", 0, 256);
        return context.RegionState.SageMaker.FindByArn(arn, context.Clock, context.Now)
            ?? throw new ServiceException("ResourceNotFound", $"Resource {arn} not found.");
    }

    private static JsonObject AddTags(JsonInput input, RequestContext context)
    {
        var resource = ByArn(input, context);
        var tags = Tags(input);
        foreach (var tag in tags)
        {
            resource.Tags.RemoveAll(t => t.Key == tag.Key);
            resource.Tags.Add(tag);
        }

        if (resource.Tags.Count > 50)
        {
            throw new ServiceException("ResourceLimitExceeded", "A resource can have at most 50 tags.");
        }

        return new JsonObject { ["Tags"] = TagArray(tags) };
    }

    private static JsonObject ListTags(JsonInput input, RequestContext context)
    {
        var resource = ByArn(input, context);
        var (page, next) = Paging.Page(resource.Tags, input.Str("NextToken"), input.Int("MaxResults", 50, 100) ?? 50);
        return new JsonObject { ["Tags"] = TagArray(page), ["NextToken"] = next };
    }

    private static JsonObject DeleteTags(JsonInput input, RequestContext context)
    {
        var resource = ByArn(input, context);
        var keys = input.Strings("TagKeys");
        resource.Tags.RemoveAll(t => keys.Contains(t.Key));
        return [];
    }

    // ---- shared ------------------------------------------------------------------------------

    private static SmResource Get(JsonInput input, RequestContext context, string kind, string nameMember, string code, string message)
    {
        var name = input.Required(nameMember, 1, 120);
        return context.RegionState.SageMaker.Get(kind, name, context.Clock, context.Now, code, message);
    }

    private static JsonObject Delete(JsonInput input, RequestContext context, string kind, string nameMember, string code, string message)
    {
        var resource = Get(input, context, kind, nameMember, code, message);
        context.RegionState.SageMaker.Resources.Remove(SageMakerStore.Key(kind, resource.Name));
        return [];
    }

    private static JsonObject List(JsonInput input, IEnumerable<SmResource> items, string listName, string defaultSort, string defaultOrder, Func<SmResource, JsonObject> render, string? nameFilter = null, string? statusFilter = null)
    {
        var filtered = items;
        if (nameFilter is not null && input.Str(nameFilter) is { } contains)
        {
            filtered = filtered.Where(r => r.Name.Contains(contains, StringComparison.OrdinalIgnoreCase));
        }

        if (statusFilter is not null && input.Str(statusFilter) is { } status)
        {
            filtered = filtered.Where(r => r.Status == status);
        }

        var createdAfter = input.Time("CreationTimeAfter") ?? input.Time("CreatedAfter");
        var createdBefore = input.Time("CreationTimeBefore") ?? input.Time("CreatedBefore");
        var modifiedAfter = input.Time("LastModifiedTimeAfter");
        var modifiedBefore = input.Time("LastModifiedTimeBefore");
        filtered = filtered
            .Where(r => createdAfter is null || r.CreationTime > createdAfter)
            .Where(r => createdBefore is null || r.CreationTime < createdBefore)
            .Where(r => modifiedAfter is null || r.LastModifiedTime > modifiedAfter)
            .Where(r => modifiedBefore is null || r.LastModifiedTime < modifiedBefore);
        var sortBy = input.Str("SortBy") ?? defaultSort;
        var sorted = sortBy switch
        {
            "Name" => filtered.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            "Status" => filtered.OrderBy(r => r.Status, StringComparer.Ordinal).ToList(),
            "CreationTime" or "CreationDate" => filtered.OrderBy(r => r.CreationTime).ToList(),
            "LastModifiedTime" => filtered.OrderBy(r => r.LastModifiedTime).ToList(),
            _ => throw input.Invalid("SortBy", "Member must satisfy enum value set", sortBy),
        };
        if ((input.Str("SortOrder") ?? defaultOrder) == "Descending")
        {
            sorted.Reverse();
        }

        var (page, next) = Paging.Page(sorted, input.Str("NextToken"), input.Int("MaxResults", 1, 100) ?? 10);
        return new JsonObject { [listName] = new JsonArray(page.Select(r => (JsonNode)render(r)).ToArray()), ["NextToken"] = next };
    }

    private static JsonObject Spec(JsonInput input, string nameMember)
    {
        var spec = (JsonObject)input.Body.DeepClone();
        spec.Remove(nameMember);
        spec.Remove("Tags");
        return spec;
    }

    private static JsonObject SpecOf(SmResource resource) => JsonNode.Parse(resource.Specification) as JsonObject ?? [];

    private static List<Tag> Tags(JsonInput input) => input.Tags().Select(t => new Tag(t.Key, t.Value)).ToList();

    private static JsonArray TagArray(IEnumerable<Tag> tags) =>
        new(tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray());

    private static JsonNode? Epoch(DateTimeOffset? time) => time is { } t ? AwsTime.Epoch(t) : null;

    /// <summary>An ENI id that is the same in every process and across restarts (17 hex digits, like AWS's).</summary>
    private static string StableNetworkInterfaceId(string arn) =>
        "eni-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(arn)))[..17];
}
