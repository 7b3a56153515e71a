using System.Runtime.CompilerServices;
using Portal.Core.Common;

namespace Portal.Aws.Protocols;

/// <summary>Turns token-paged calls into an async stream; a failed page raises <see cref="GatewayException"/>.</summary>
internal static class AwsPager
{
    public static async IAsyncEnumerable<TItem> EnumerateAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<Result<TPage>>> fetchPage,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?> nextToken,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await fetchPage(token, cancellationToken).ConfigureAwait(false);
            if (!page.IsSuccess)
            {
                throw new GatewayException(page.Error!);
            }

            foreach (var item in items(page.Value) ?? [])
            {
                yield return item;
            }

            token = nextToken(page.Value);
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }

            if (!seen.Add(token))
            {
                throw new GatewayException(new Error(ErrorKind.Unavailable, "PagingLoop", "The service returned the same page token twice; listing stopped."));
            }
        }
        while (true);
    }
}
