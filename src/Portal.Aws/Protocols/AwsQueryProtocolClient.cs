using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Aws.Protocols;

/// <summary>AWS Query: form-encoded <c>Action=…&amp;Version=…</c>; XML <c>&lt;OpResponse&gt;&lt;OpResult&gt;</c>; errors in <c>&lt;ErrorResponse&gt;</c>.</summary>
internal sealed class AwsQueryProtocolClient
{
    private static readonly MediaTypeHeaderValue ContentType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };

    private readonly AwsTransport _transport;

    public AwsQueryProtocolClient(AwsTransport transport) => _transport = transport;

    public async Task<Result<TResponse>> SendAsync<TRequest, TResponse>(
        AwsOperation<TRequest, TResponse> operation,
        TRequest request,
        ActingIdentity identity,
        CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class, new()
    {
        var body = Encoding.UTF8.GetBytes(QuerySerializer.Serialize(operation.Name, operation.Service.ApiVersion, request));
        var sent = await _transport.SendAsync(operation.Service, operation.Name, body, ContentType, null, identity, cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return sent.Error!;
        }

        var response = sent.Value;
        if (!response.IsSuccess)
        {
            return _transport.Fail(ParseError(operation.Service.Key, operation.Name, response));
        }

        try
        {
            if (response.Body.Length == 0)
            {
                return new TResponse();
            }

            var root = Parse(response.Body).Root;
            var result = root?.Elements().FirstOrDefault(e => e.Name.LocalName == operation.Name + "Result");
            return QueryXmlReader.Read<TResponse>(result);
        }
        catch (Exception ex) when (ex is XmlException or FormatException or OverflowException)
        {
            return new Error(ErrorKind.Unavailable, "MalformedResponse", $"{operation.Service.Key} {operation.Name} answered XML the portal cannot read: {ex.Message}");
        }
    }

    /// <summary>Reads <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c> (namespace-agnostic).</summary>
    public static AwsErrorDetails ParseError(string service, string operation, AwsRawResponse response)
    {
        string? code = null;
        string? message = null;
        var requestId = response.RequestId;
        try
        {
            var document = Parse(response.Body);
            var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
            message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
            requestId ??= document.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
        }
        catch (XmlException)
        {
            message = Encoding.UTF8.GetString(response.Body);
        }

        return new AwsErrorDetails(service, operation, response.StatusCode, string.IsNullOrWhiteSpace(code) ? "Unknown" : code, message ?? string.Empty, requestId);
    }

    private static XDocument Parse(byte[] body)
    {
        using var stream = new MemoryStream(body);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader);
    }
}
