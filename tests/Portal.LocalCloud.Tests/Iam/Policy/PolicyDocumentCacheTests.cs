using Portal.LocalCloud.Iam.Policy;

namespace Portal.LocalCloud.Tests.Iam.Policy;

public sealed class PolicyDocumentCacheTests
{
    [Fact]
    public void The_same_text_parses_once_per_kind_and_a_malformed_document_fails_every_time()
    {
        var text = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"S{{Guid.NewGuid():N}}","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
        const string Malformed = """{"Version":"2012-10-17","Statement":"nope"}""";

        var first = PolicyDocument.ParseCached(text);
        var second = PolicyDocument.ParseCached(text);
        var asTrust = PolicyDocument.ParseCached(text.Replace("\"Action\"", "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\"", StringComparison.Ordinal), PolicyKind.Trust);

        Assert.Same(first, second);
        Assert.Equal(PolicyDocument.Parse(text).Statements.Single().Sid, first.Statements.Single().Sid);
        Assert.NotSame(first, asTrust);
        Assert.Throws<PolicyFormatException>(() => PolicyDocument.ParseCached(Malformed));
        Assert.Throws<PolicyFormatException>(() => PolicyDocument.ParseCached(Malformed));
    }
}
