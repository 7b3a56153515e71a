using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Portal.LocalCloud.Tests.Hosting;

/// <summary>
/// A small JSON 1.1 / Query client for services without an SDK package here (Service Catalog,
/// SageMaker, IAM), signed by AWSSDK.Core's public SigV4 signer: an independent client, not LocalCloud code.
/// </summary>
public sealed class AwsWireClient : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly string _endpoint;
    private readonly AWSCredentials _credentials;
    private readonly string _region;

    public AwsWireClient(string endpoint, AWSCredentials? credentials = null, string region = SdkClients.Region)
    {
        _endpoint = endpoint;
        _credentials = credentials ?? SdkClients.Default;
        _region = region;
    }

    public Task<JsonObject> ServiceCatalogAsync(string operation, JsonObject? body = null) =>
        JsonAsync("servicecatalog", "AWS242ServiceCatalogService", operation, body ?? []);

    public Task<JsonObject> SageMakerAsync(string operation, JsonObject? body = null) =>
        JsonAsync("sagemaker", "SageMaker", operation, body ?? []);

    public async Task<JsonObject> JsonAsync(string service, string targetPrefix, string operation, JsonObject body)
    {
        var (status, text, headers) = await SendAsync(service, "application/x-amz-json-1.1", Encoding.UTF8.GetBytes(body.ToJsonString()), new() { ["X-Amz-Target"] = $"{targetPrefix}.{operation}" });
        var json = JsonNode.Parse(text) as JsonObject ?? [];
        if (status >= 300)
        {
            throw new AwsWireException(json["__type"]?.GetValue<string>() ?? "?", json["message"]?.GetValue<string>() ?? string.Empty, status, headers);
        }

        return json;
    }

    public async Task<XElement> QueryAsync(string service, string version, string action, IDictionary<string, string>? parameters = null)
    {
        var form = new List<string> { "Action=" + action, "Version=" + version };
        form.AddRange((parameters ?? new Dictionary<string, string>()).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var (status, text, headers) = await SendAsync(service, "application/x-www-form-urlencoded; charset=utf-8", Encoding.UTF8.GetBytes(string.Join('&', form)), []);
        var xml = XElement.Parse(text);
        if (status >= 300)
        {
            var error = xml.Descendants().First(e => e.Name.LocalName == "Error");
            throw new AwsWireException(
                error.Elements().First(e => e.Name.LocalName == "Code").Value,
                error.Elements().First(e => e.Name.LocalName == "Message").Value,
                status,
                headers);
        }

        return xml;
    }

    public async Task<(int Status, string Body, Dictionary<string, string> Headers)> SendAsync(string service, string contentType, byte[] body, Dictionary<string, string> extraHeaders, Func<HttpRequestMessage, HttpRequestMessage>? tamper = null)
    {
        var signingRequest = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = new Uri(_endpoint + "/"), Content = body };
        signingRequest.Headers["Content-Type"] = contentType;
        foreach (var (name, value) in extraHeaders)
        {
            signingRequest.Headers[name] = value;
        }

        var signed = AWSSigV4Signer.Sign(signingRequest, new AWSSigV4Parameters { Credentials = _credentials, Region = RegionEndpoint.GetBySystemName(_region), Service = service });
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint + "/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in extraHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        foreach (var (name, value) in signed.Headers)
        {
            if (!string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase) && !string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (tamper is not null)
        {
            request = tamper(request);
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), headers);
    }

    public void Dispose() => _http.Dispose();
}
