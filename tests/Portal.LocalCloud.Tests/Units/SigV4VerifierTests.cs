using System.Text;
using Portal.LocalCloud.Auth;
using Portal.LocalCloud.Protocols;

namespace Portal.LocalCloud.Tests.Units;

public sealed class SigV4VerifierTests
{
    [Fact]
    public void S3_paths_are_decoded_then_encoded_once_while_other_services_re_encode_the_wire_path()
    {
        Assert.Equal("/bucket1/dir%20x/hello%2B1.txt", SigV4Verifier.CanonicalPath("/bucket1/dir%20x/hello%2B1.txt", isS3: true));
        Assert.Equal("/a%2520b", SigV4Verifier.CanonicalPath("/a%20b", isS3: false));
        Assert.Equal("/", SigV4Verifier.CanonicalPath(string.Empty, isS3: false));
    }

    [Fact]
    public void Query_pairs_are_decoded_re_encoded_and_sorted_by_key_then_value()
    {
        var canonical = SigV4Verifier.CanonicalQuery("prefix=a%20b%2Fc%2Bd&list-type=2&encoding-type=url&b=2&b=1", presigned: false);

        Assert.Equal("b=1&b=2&encoding-type=url&list-type=2&prefix=a%20b%2Fc%2Bd", canonical);
    }

    [Fact]
    public void The_signature_changes_when_a_signed_header_changes_and_matches_a_recomputation()
    {
        var request = Request(new() { ["host"] = ["127.0.0.1:4566"], ["x-amz-date"] = ["20240115T123456Z"], ["x-amz-target"] = ["SageMaker.ListNotebookInstances"] });
        var auth = new SigV4Authorization("AKIDEXAMPLE", "20240115", "eu-west-1", "sagemaker", ["host", "x-amz-date", "x-amz-target"], string.Empty, false);

        var signature = SigV4Verifier.ComputeSignature(request, auth, "secret", "20240115T123456Z");
        var again = SigV4Verifier.ComputeSignature(request, auth, "secret", "20240115T123456Z");
        var other = SigV4Verifier.ComputeSignature(Request(new() { ["host"] = ["127.0.0.1:4566"], ["x-amz-date"] = ["20240115T123456Z"], ["x-amz-target"] = ["SageMaker.DeleteNotebookInstance"] }), auth, "secret", "20240115T123456Z");

        Assert.Equal(64, signature.Length);
        Assert.True(SigV4Verifier.SignatureMatches(signature, again));
        Assert.False(SigV4Verifier.SignatureMatches(signature, other));
    }

    [Fact]
    public void A_malformed_authorization_header_is_a_format_error()
    {
        var request = Request(new() { ["authorization"] = ["AWS4-HMAC-SHA256 Credential=AKID/2024/eu-west-1/s3/aws4_request, SignedHeaders=host, Signature=abc"] });

        Assert.Throws<FormatException>(() => SigV4Authorization.Parse(request));
    }

    private static WireRequest Request(Dictionary<string, string[]> headers) => new()
    {
        Method = "POST",
        RawPath = "/",
        RawQuery = string.Empty,
        Headers = headers,
        RawBody = Encoding.UTF8.GetBytes("{\"MaxResults\":10}"),
        Body = Encoding.UTF8.GetBytes("{\"MaxResults\":10}"),
    };
}
