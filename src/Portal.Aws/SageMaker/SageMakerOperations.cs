using Portal.Aws.Configuration;
using Portal.Aws.Protocols;

namespace Portal.Aws.SageMaker;

/// <summary>Every SageMaker operation the portal sends (aws-wire.md §2), with its typed shapes.</summary>
internal static class SageMakerOperations
{
    private static readonly AwsService Sm = AwsService.SageMaker;

    public static readonly AwsOperation<SmListRequest, SmListNotebookInstancesResponse> ListNotebookInstances = new(Sm, "ListNotebookInstances");
    public static readonly AwsOperation<SmNotebookInstanceNameRequest, SmDescribeNotebookInstanceResponse> DescribeNotebookInstance = new(Sm, "DescribeNotebookInstance");
    public static readonly AwsOperation<SmNotebookInstanceNameRequest, SmEmptyResponse> StartNotebookInstance = new(Sm, "StartNotebookInstance");
    public static readonly AwsOperation<SmNotebookInstanceNameRequest, SmEmptyResponse> StopNotebookInstance = new(Sm, "StopNotebookInstance");
    public static readonly AwsOperation<SmCreatePresignedNotebookInstanceUrlRequest, SmCreatePresignedNotebookInstanceUrlResponse> CreatePresignedNotebookInstanceUrl = new(Sm, "CreatePresignedNotebookInstanceUrl");
    public static readonly AwsOperation<SmListRequest, SmListTrainingJobsResponse> ListTrainingJobs = new(Sm, "ListTrainingJobs");
    public static readonly AwsOperation<SmTrainingJobNameRequest, SmDescribeTrainingJobResponse> DescribeTrainingJob = new(Sm, "DescribeTrainingJob");
    public static readonly AwsOperation<SmListRequest, SmListProcessingJobsResponse> ListProcessingJobs = new(Sm, "ListProcessingJobs");
    public static readonly AwsOperation<SmProcessingJobNameRequest, SmDescribeProcessingJobResponse> DescribeProcessingJob = new(Sm, "DescribeProcessingJob");
    public static readonly AwsOperation<SmListRequest, SmListEndpointsResponse> ListEndpoints = new(Sm, "ListEndpoints");
    public static readonly AwsOperation<SmEndpointNameRequest, SmDescribeEndpointResponse> DescribeEndpoint = new(Sm, "DescribeEndpoint");
    public static readonly AwsOperation<SmListMonitoringSchedulesRequest, SmListMonitoringSchedulesResponse> ListMonitoringSchedules = new(Sm, "ListMonitoringSchedules");
    public static readonly AwsOperation<SmListMonitoringExecutionsRequest, SmListMonitoringExecutionsResponse> ListMonitoringExecutions = new(Sm, "ListMonitoringExecutions");
    public static readonly AwsOperation<SmListExperimentsRequest, SmListExperimentsResponse> ListExperiments = new(Sm, "ListExperiments");
    public static readonly AwsOperation<SmListTrialComponentsRequest, SmListTrialComponentsResponse> ListTrialComponents = new(Sm, "ListTrialComponents");
    public static readonly AwsOperation<SmListTagsRequest, SmListTagsResponse> ListTags = new(Sm, "ListTags");
}
