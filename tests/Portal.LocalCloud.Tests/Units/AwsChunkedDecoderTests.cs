using System.Text;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.Tests.Units;

public sealed class AwsChunkedDecoderTests
{
    [Fact]
    public void Chunks_are_joined_and_trailers_dropped()
    {
        var body = Encoding.ASCII.GetBytes("5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n0;chunk-signature=0\r\nx-amz-checksum-crc32:NhCmhg==\r\nx-amz-trailer-signature:x\r\n\r\n");

        Assert.Equal("hello world", Encoding.ASCII.GetString(AwsChunkedDecoder.Decode(body)));
    }

    [Fact]
    public void A_chunk_longer_than_the_body_is_an_error()
    {
        var body = Encoding.ASCII.GetBytes("ff;chunk-signature=abc\r\nhello\r\n");

        var error = Assert.Throws<ServiceException>(() => AwsChunkedDecoder.Decode(body));

        Assert.Equal("IncompleteBody", error.Code);
    }
}
