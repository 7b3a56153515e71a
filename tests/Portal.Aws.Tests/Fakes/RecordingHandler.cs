using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Portal.Aws.Tests.Fakes;

/// <summary>
/// The network end of the client pipeline in tests: records every request and answers from a queue of canned
/// responses (or throws a queued exception). It replaces only the primary handler, so the retry and signing
/// handlers run exactly as in production; a test host without it talks to a real base URL instead.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _answers = new();
    private readonly Lock _gate = new();

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Answers any request once the queue is empty (null: an empty queue is a test failure).</summary>
    public HttpStatusCode? DefaultStatus { get; set; }

    public RecordingHandler Reply(HttpStatusCode status, string body, string contentType = "application/x-amz-json-1.1", string? requestId = null, string? errorType = null)
    {
        lock (_gate)
        {
            _answers.Enqueue(_ =>
            {
                var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
                response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                if (requestId is not null)
                {
                    response.Headers.TryAddWithoutValidation("x-amzn-RequestId", requestId);
                }

                if (errorType is not null)
                {
                    response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", errorType);
                }

                return Task.FromResult(response);
            });
        }

        return this;
    }

    /// <summary>An attempt that never answers: it ends only when the caller's time limit cancels it.</summary>
    public RecordingHandler Hang()
    {
        lock (_gate)
        {
            _answers.Enqueue(async ct =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            });
        }

        return this;
    }

    public RecordingHandler ReplyJson(string body, string? requestId = "req-ok") => Reply(HttpStatusCode.OK, body, requestId: requestId);

    public RecordingHandler ReplyXml(string body, HttpStatusCode status = HttpStatusCode.OK) => Reply(status, body, "text/xml");

    public RecordingHandler Throw(Exception exception)
    {
        lock (_gate)
        {
            _answers.Enqueue(_ => throw exception);
        }

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }
        }

        Func<CancellationToken, Task<HttpResponseMessage>> answer;
        lock (_gate)
        {
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, headers, body));
            if (!_answers.TryDequeue(out answer!) && DefaultStatus is { } status)
            {
                answer = _ => Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent([]) });
            }
            else if (answer is null)
            {
                throw new InvalidOperationException($"No canned response left for request {Requests.Count} to {request.RequestUri}.");
            }
        }

        var response = await answer(cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    // The client factory may dispose handler chains; the recorder outlives them for assertions.
    protected override void Dispose(bool disposing)
    {
    }
}
