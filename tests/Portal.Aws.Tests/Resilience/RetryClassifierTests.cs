using System.Net;
using System.Text;
using Polly;
using Portal.Aws.Http;

namespace Portal.Aws.Tests.Resilience;

/// <summary>The retry rule reads the error code itself, not any text that happens to mention throttling.</summary>
public sealed class RetryClassifierTests
{
    [Theory]
    [InlineData("""{"__type":"ThrottlingException","message":"Rate exceeded"}""", true)]
    [InlineData("""{"__type":"com.amazonaws.sagemaker#ThrottlingException","message":"Rate exceeded"}""", true)]
    [InlineData("""{"__type":"TooManyRequestsException","message":"slow down"}""", true)]
    [InlineData("""<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>""", true)]
    [InlineData("""<Response><Errors><Error><Code>RequestLimitExceeded</Code></Error></Errors></Response>""", true)]
    [InlineData("""{"__type":"ValidationException","message":"ThrottlingException is not a valid name"}""", false)]
    [InlineData("""{"__type":"InvalidParametersException","message":"bad"}""", false)]
    public async Task Http_400_is_retried_only_for_a_throttling_error_code(string body, bool retried)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };

        Assert.Equal(retried, await AwsRetryClassifier.ShouldRetryAsync(Outcome.FromResult(response)));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(429, true)]
    [InlineData(501, false)]
    [InlineData(505, false)]
    [InlineData(403, false)]
    public async Task Only_transient_server_answers_are_retried(int status, bool retried)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("{}") };

        Assert.Equal(retried, await AwsRetryClassifier.ShouldRetryAsync(Outcome.FromResult(response)));
    }

    [Fact]
    public async Task The_error_type_header_alone_marks_throttling()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(string.Empty) };
        response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/");

        Assert.True(await AwsRetryClassifier.ShouldRetryAsync(Outcome.FromResult(response)));
    }

    [Fact]
    public async Task A_cancelled_call_is_not_retried()
    {
        Assert.False(await AwsRetryClassifier.ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException())));
    }
}
