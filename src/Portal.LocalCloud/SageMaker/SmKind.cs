namespace Portal.LocalCloud.SageMaker;

/// <summary>The SageMaker resource kinds LocalCloud keeps, with their ARN resource-type segment.</summary>
public static class SmKind
{
    public const string NotebookInstance = "notebook-instance";
    public const string LifecycleConfig = "notebook-instance-lifecycle-config";
    public const string CodeRepository = "code-repository";
    public const string TrainingJob = "training-job";
    public const string ProcessingJob = "processing-job";
    public const string Model = "model";
    public const string EndpointConfig = "endpoint-config";
    public const string Endpoint = "endpoint";
    public const string MonitoringSchedule = "monitoring-schedule";
    public const string Experiment = "experiment";
    public const string Trial = "experiment-trial";
    public const string TrialComponent = "experiment-trial-component";
}
