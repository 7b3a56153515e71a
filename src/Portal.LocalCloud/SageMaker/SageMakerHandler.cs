using System.Text.Json.Nodes;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;

namespace Portal.LocalCloud.SageMaker;

public sealed class SageMakerHandler : IJsonService
{
    public string TargetPrefix => "SageMaker";

    public string SigningName => "sagemaker";

    public string ValidationErrorCode => "ValidationException";

    public bool IsReadOnly(string operation) => false;

    public JsonObject Invoke(string operation, JsonInput input, RequestContext context) =>
        throw new ServiceException("UnknownOperationException", operation);
}
