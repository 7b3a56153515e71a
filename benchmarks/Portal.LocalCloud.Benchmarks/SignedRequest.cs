using System.Net.Http.Headers;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Portal.LocalCloud.Benchmarks;

/// <summary>A request signed once by AWSSDK.Core and replayed (the signature stays valid for 15 minutes).</summary>
public sealed class SignedRequest
{
    private readonly string _url;
    private readonly byte[] _body;
    private readonly string _contentType;
    private readonly KeyValuePair<string, string>[] _headers;

    public SignedRequest(string endpoint, string service, string contentType, byte[] body, IDictionary<string, string> extraHeaders)
    {
        ArgumentNullException.ThrowIfNull(extraHeaders);
        _url = endpoint + "/";
        _body = body;
        _contentType = contentType;
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = new Uri(_url), Content = body };
        signing.Headers["Content-Type"] = contentType;
        foreach (var (name, value) in extraHeaders)
        {
            signing.Headers[name] = value;
        }

        var signed = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters { Credentials = new BasicAWSCredentials("test", "test"), Region = RegionEndpoint.EUWest1, Service = service });
        _headers = [.. extraHeaders, .. signed.Headers.Where(h => h.Key is not ("Content-Type" or "Content-Length"))];
    }

    public HttpRequestMessage Create()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(_contentType);
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
