namespace Portal.Core.Workloads;

/// <summary>A model-serving endpoint with its configuration name and variants.</summary>
public sealed record ModelEndpointDetail(ModelEndpointSummary Endpoint, string? EndpointConfigName, string? FailureReason, IReadOnlyList<string> VariantNames);
