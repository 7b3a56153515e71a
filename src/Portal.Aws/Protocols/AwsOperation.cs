using Portal.Aws.Configuration;

namespace Portal.Aws.Protocols;

/// <summary>A typed operation: its service, wire name, request and response shapes.</summary>
internal sealed record AwsOperation<TRequest, TResponse>(AwsService Service, string Name) : IAwsOperation
    where TRequest : class
    where TResponse : class, new()
{
    public Type RequestType => typeof(TRequest);

    public Type ResponseType => typeof(TResponse);
}
