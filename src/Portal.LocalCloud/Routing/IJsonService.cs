using System.Text.Json.Nodes;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.Routing;

/// <summary>A service spoken in JSON 1.1, selected by the <c>X-Amz-Target</c> prefix.</summary>
public interface IJsonService
{
    /// <summary>The part of <c>X-Amz-Target</c> before the dot, e.g. <c>AWS242ServiceCatalogService</c>.</summary>
    string TargetPrefix { get; }

    /// <summary>The SigV4 signing name, e.g. <c>servicecatalog</c>.</summary>
    string SigningName { get; }

    /// <summary>The error code the service uses for request validation failures.</summary>
    string ValidationErrorCode { get; }

    bool IsReadOnly(string operation);

    /// <summary>Runs an operation (under the state gate) and returns its output object.</summary>
    JsonObject Invoke(string operation, JsonInput input, RequestContext context);
}
