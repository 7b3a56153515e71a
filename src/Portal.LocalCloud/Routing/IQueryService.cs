using System.Xml.Linq;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.Routing;

/// <summary>A service spoken in the Query or EC2 protocol, selected by the credential scope's service.</summary>
public interface IQueryService
{
    string SigningName { get; }

    /// <summary><see cref="WireProtocol.Query"/> or <see cref="WireProtocol.Ec2"/>.</summary>
    WireProtocol Protocol { get; }

    string XmlNamespace { get; }

    bool IsReadOnly(string operation);

    /// <summary>Runs an operation and returns the elements of its result (null: no result element).</summary>
    IReadOnlyList<XElement>? Invoke(string operation, QueryInput input, RequestContext context);
}
