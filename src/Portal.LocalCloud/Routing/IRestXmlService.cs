using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.Routing;

/// <summary>A REST-XML service (S3, path-style).</summary>
public interface IRestXmlService
{
    string SigningName { get; }

    /// <summary>The operation name a request maps to (for faults and logs).</summary>
    string OperationOf(WireRequest request);

    bool IsReadOnly(WireRequest request);

    WireResponse Invoke(WireRequest request, RequestContext context);
}
