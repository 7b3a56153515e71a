using System.Collections.Concurrent;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>
/// Keeps every successful answer the portal's hand-written clients received, keyed by operation
/// (<c>SageMaker.ListNotebookInstances</c> for JSON 1.1, <c>iam.GetRole</c> for Query), so a test can check
/// LocalCloud's responses against botocore's output shapes. Add <see cref="CreateHandler"/> to the Portal.Aws HttpClient.
/// </summary>
internal sealed class ResponseRecorder
{
    private readonly ConcurrentQueue<(string Operation, byte[] Body)> _answers = new();

    public IReadOnlyList<(string Operation, byte[] Body)> Answers => [.. _answers];

    public DelegatingHandler CreateHandler() => new Handler(this);

    private static async Task<string?> OperationOfAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("X-Amz-Target", out var targets))
        {
            return targets.First();
        }

        if (request.Content is null)
        {
            return null;
        }

        // The retry handler signs a copy of the request, so the service is told by the Query API version instead.
        var form = (await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var service = form.GetValueOrDefault("Version") switch
        {
            "2010-05-08" => "iam",
            "2010-05-15" => "cloudformation",
            _ => null,
        };
        return service is not null && form.TryGetValue("Action", out var action) ? $"{service}.{action}" : null;
    }

    private sealed class Handler(ResponseRecorder owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && await OperationOfAsync(request, cancellationToken).ConfigureAwait(false) is { } operation)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                owner._answers.Enqueue((operation, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)));
            }

            return response;
        }
    }
}
