using System.Text.Json.Nodes;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;

namespace Portal.LocalCloud.ServiceCatalog;

public sealed class ServiceCatalogHandler : IJsonService
{
    public string TargetPrefix => "AWS242ServiceCatalogService";

    public string SigningName => "servicecatalog";

    public string ValidationErrorCode => "InvalidParametersException";

    public bool IsReadOnly(string operation) => false;

    public JsonObject Invoke(string operation, JsonInput input, RequestContext context) =>
        throw new ServiceException("UnknownOperationException", operation);
}
