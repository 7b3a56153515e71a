using System.Collections.Concurrent;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>
/// Keeps every successful JSON 1.1 answer the portal received (target and body), so a test can check LocalCloud's
/// responses against botocore's output shapes. Add <see cref="CreateHandler"/> to the Portal.Aws HttpClient.
/// </summary>
internal sealed class ResponseRecorder
{
    private readonly ConcurrentQueue<(string Target, byte[] Body)> _answers = new();

    public IReadOnlyList<(string Target, byte[] Body)> Answers => [.. _answers];

    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(ResponseRecorder owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && request.Headers.TryGetValues("X-Amz-Target", out var targets))
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                owner._answers.Enqueue((targets.First(), await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)));
            }

            return response;
        }
    }
}
