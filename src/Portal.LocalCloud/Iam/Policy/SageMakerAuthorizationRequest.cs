namespace Portal.LocalCloud.Iam.Policy;

/// <summary>
/// A SageMaker create call translated for IAM: the action (<c>sagemaker:CreateTrainingJob</c>), the resource ARNs it is
/// authorised against (CreateEndpoint: the endpoint and its endpoint config) and the request's condition keys.
/// </summary>
public sealed record SageMakerAuthorizationRequest(string Action, IReadOnlyList<string> ResourceArns, RequestContext Context);
