using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>
/// Sets up test data on LocalCloud with plain signed requests (JSON 1.1 and Query), independent of the Portal.Aws
/// clients under test: SageMaker create calls and IAM policy writes the portal's ports do not offer.
/// Signed with AWSSDK.Core's public SigV4 signer.
/// </summary>
internal sealed class SignedWireClient : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly Uri _endpoint;
    private readonly AWSCredentials _credentials;
    private readonly string _region;

    public SignedWireClient(Uri endpoint, AWSCredentials credentials, string region)
    {
        _endpoint = endpoint;
        _credentials = credentials;
        _region = region;
    }

    public Task<JsonObject> SageMakerAsync(string operation, JsonObject body, CancellationToken cancellationToken) =>
        JsonAsync("sagemaker", "SageMaker." + operation, body, cancellationToken);

    public async Task<JsonObject> JsonAsync(string signingName, string target, JsonObject body, CancellationToken cancellationToken)
    {
        var (status, text) = await SendAsync(signingName, "application/x-amz-json-1.1", Encoding.UTF8.GetBytes(body.ToJsonString()), target, cancellationToken).ConfigureAwait(false);
        if (status >= 300)
        {
            throw new InvalidOperationException($"{target} failed with HTTP {status}: {text}");
        }

        return JsonNode.Parse(text) as JsonObject ?? [];
    }

    public async Task<XElement> IamAsync(string action, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var form = new List<string> { "Action=" + action, "Version=2010-05-08" };
        form.AddRange(parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var (status, text) = await SendAsync("iam", "application/x-www-form-urlencoded; charset=utf-8", Encoding.UTF8.GetBytes(string.Join('&', form)), null, cancellationToken).ConfigureAwait(false);
        if (status >= 300)
        {
            throw new InvalidOperationException($"iam {action} failed with HTTP {status}: {text}");
        }

        return XElement.Parse(text);
    }

    private async Task<(int Status, string Body)> SendAsync(string signingName, string contentType, byte[] body, string? target, CancellationToken cancellationToken)
    {
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = _endpoint, Content = body };
        signing.Headers["Content-Type"] = contentType;
        if (target is not null)
        {
            signing.Headers["X-Amz-Target"] = target;
        }

        var signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters { Credentials = _credentials, Region = RegionEndpoint.GetBySystemName(_region), Service = signingName }, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        foreach (var (name, value) in signed.Headers)
        {
            if (!string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase) && !string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }

    public void Dispose() => _http.Dispose();
}
