using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Portal.LocalCloud.Protocols;

/// <summary>Writes an error exactly as each protocol's clients parse it.</summary>
public static class ErrorWriter
{
    private const string JsonContentType = "application/x-amz-json-1.1";

    public static WireResponse Write(WireProtocol protocol, ServiceException error, string requestId, string? queryNamespace = null, bool isHead = false)
    {
        ArgumentNullException.ThrowIfNull(error);
        WireResponse response = protocol switch
        {
            WireProtocol.Json => WireResponse.Text(
                error.StatusCode,
                JsonContentType,
                new JsonObject { ["__type"] = error.Code, ["message"] = error.Message }.ToJsonString()),
            WireProtocol.Query => WireResponse.Text(
                error.StatusCode,
                "text/xml",
                Xml(new XElement(
                    XName.Get("ErrorResponse", queryNamespace ?? string.Empty),
                    new XElement(XName.Get("Error", queryNamespace ?? string.Empty),
                        new XElement(XName.Get("Type", queryNamespace ?? string.Empty), error.IsSenderFault ? "Sender" : "Receiver"),
                        new XElement(XName.Get("Code", queryNamespace ?? string.Empty), error.Code),
                        new XElement(XName.Get("Message", queryNamespace ?? string.Empty), error.Message)),
                    new XElement(XName.Get("RequestId", queryNamespace ?? string.Empty), requestId)))),
            WireProtocol.Ec2 => WireResponse.Text(
                error.StatusCode,
                "text/xml",
                Xml(new XElement("Response",
                    new XElement("Errors", new XElement("Error", new XElement("Code", error.Code), new XElement("Message", error.Message))),
                    new XElement("RequestID", requestId)))),
            _ => isHead
                ? new WireResponse { StatusCode = error.StatusCode, ContentType = "application/xml" }
                : WireResponse.Text(
                    error.StatusCode,
                    "application/xml",
                    Xml(new XElement("Error",
                        new XElement("Code", error.Code),
                        new XElement("Message", error.Message),
                        new XElement("RequestId", requestId)))),
        };
        response.Headers["x-amzn-RequestId"] = requestId;
        if (protocol == WireProtocol.Json)
        {
            response.Headers["x-amzn-ErrorType"] = error.Code;
        }

        if (protocol == WireProtocol.RestXml)
        {
            response.Headers["x-amz-request-id"] = requestId;
        }

        return response;
    }

    public static string Xml(XElement root) =>
        new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Declaration + root.ToString(SaveOptions.DisableFormatting);
}
