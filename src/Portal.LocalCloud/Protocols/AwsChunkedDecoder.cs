using System.Globalization;
using System.Text;

namespace Portal.LocalCloud.Protocols;

/// <summary>
/// Decodes <c>aws-chunked</c> bodies (<c>hex;chunk-signature=…\r\ndata\r\n…0;…\r\ntrailers</c>).
/// Chunk signatures are not re-verified (the seed signature over the headers is).
/// </summary>
public static class AwsChunkedDecoder
{
    public static bool IsChunked(IReadOnlyDictionary<string, string[]> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var encoding = headers.TryGetValue("content-encoding", out var e) ? string.Join(',', e) : string.Empty;
        var sha = headers.TryGetValue("x-amz-content-sha256", out var s) ? string.Join(',', s) : string.Empty;
        return encoding.Contains("aws-chunked", StringComparison.OrdinalIgnoreCase)
            || sha.StartsWith("STREAMING-", StringComparison.Ordinal);
    }

    public static byte[] Decode(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var output = new MemoryStream();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = IndexOfCrLf(body, position);
            if (lineEnd < 0)
            {
                throw new ServiceException("IncompleteBody", "The aws-chunked body ended inside a chunk header.");
            }

            var header = Encoding.ASCII.GetString(body, position, lineEnd - position);
            var semicolon = header.IndexOf(';', StringComparison.Ordinal);
            var sizeText = semicolon >= 0 ? header[..semicolon] : header;
            if (!int.TryParse(sizeText.Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new ServiceException("InvalidRequest", $"Invalid aws-chunked chunk size '{sizeText}'.");
            }

            position = lineEnd + 2;
            if (size == 0)
            {
                break;
            }

            if (position + size > body.Length)
            {
                throw new ServiceException("IncompleteBody", "The aws-chunked body is shorter than its chunk sizes.");
            }

            output.Write(body, position, size);
            position += size + 2;
        }

        return output.ToArray();
    }

    private static int IndexOfCrLf(byte[] body, int start)
    {
        for (var i = start; i + 1 < body.Length; i++)
        {
            if (body[i] == '\r' && body[i + 1] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
