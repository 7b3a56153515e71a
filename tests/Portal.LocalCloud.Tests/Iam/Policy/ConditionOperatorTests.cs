using Portal.LocalCloud.Iam.Policy;

namespace Portal.LocalCloud.Tests.Iam.Policy;

public class ConditionOperatorTests
{
    private static bool Holds(string op, string key, string[] policyValues, RequestContext context, bool variables = true) =>
        ConditionOperators.Evaluate(new PolicyCondition(op, key, policyValues), context, variables);

    private static RequestContext With(string key, string value) => new RequestContext().Set(key, value);

    private static RequestContext WithList(string key, params string[] values) => new RequestContext().SetList(key, values);

    private static readonly RequestContext Empty = new();

    [Theory]
    [InlineData("StringEquals", "abc", "abc", true)]
    [InlineData("StringEquals", "abc", "ABC", false)]
    [InlineData("StringEquals", "a*", "a*", true)]
    [InlineData("StringEquals", "a*", "ab", false)]
    [InlineData("StringNotEquals", "abc", "abd", true)]
    [InlineData("StringEqualsIgnoreCase", "ABC", "abc", true)]
    [InlineData("StringNotEqualsIgnoreCase", "ABC", "abc", false)]
    [InlineData("StringLike", "ml.t3.*", "ml.t3.medium", true)]
    [InlineData("StringLike", "ml.?3.medium", "ml.t3.medium", true)]
    [InlineData("StringLike", "ml.T3.*", "ml.t3.medium", false)]
    [InlineData("StringNotLike", "ml.p*", "ml.t3.medium", true)]
    public void String_operators(string op, string policy, string request, bool expected) =>
        Assert.Equal(expected, Holds(op, "s:k", [policy], With("s:k", request)));

    [Theory]
    [InlineData("NumericEquals", "10", "10.0", true)]
    [InlineData("NumericNotEquals", "10", "11", true)]
    [InlineData("NumericLessThan", "10", "9", true)]
    [InlineData("NumericLessThanEquals", "10", "10", true)]
    [InlineData("NumericGreaterThan", "10", "10", false)]
    [InlineData("NumericGreaterThanEquals", "10", "10", true)]
    [InlineData("NumericEquals", "10", "ten", false)]
    public void Numeric_operators(string op, string policy, string request, bool expected) =>
        Assert.Equal(expected, Holds(op, "s:n", [policy], With("s:n", request)));

    [Theory]
    [InlineData("DateLessThan", "2026-12-01T00:00:00Z", "2026-11-26T16:00:00Z", true)]
    [InlineData("DateGreaterThan", "2026-12-01T00:00:00Z", "2026-11-26T16:00:00Z", false)]
    [InlineData("DateEquals", "1764172800", "2025-11-26T16:00:00Z", true)]
    [InlineData("DateNotEquals", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", false)]
    [InlineData("DateLessThanEquals", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", true)]
    [InlineData("DateGreaterThanEquals", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", true)]
    public void Date_operators_accept_iso8601_and_epoch_seconds(string op, string policy, string request, bool expected) =>
        Assert.Equal(expected, Holds(op, "aws:CurrentTime", [policy], With("aws:CurrentTime", request)));

    [Fact]
    public void Bool_and_BinaryEquals()
    {
        Assert.True(Holds("Bool", "aws:SecureTransport", ["true"], With("aws:SecureTransport", "True")));
        Assert.False(Holds("Bool", "aws:SecureTransport", ["false"], With("aws:SecureTransport", "true")));
        Assert.True(Holds("BinaryEquals", "s:b", ["aGVsbG8="], With("s:b", "aGVsbG8=")));
        Assert.False(Holds("BinaryEquals", "s:b", ["aGVsbG8="], With("s:b", "d29ybGQ=")));
    }

    [Fact]
    public void IpAddress_and_NotIpAddress_use_cidr_ranges()
    {
        Assert.True(Holds("IpAddress", "aws:SourceIp", ["10.2.0.0/16"], With("aws:SourceIp", "10.2.3.4")));
        Assert.False(Holds("IpAddress", "aws:SourceIp", ["10.2.0.0/16"], With("aws:SourceIp", "10.3.0.1")));
        Assert.True(Holds("IpAddress", "aws:SourceIp", ["203.0.113.7"], With("aws:SourceIp", "203.0.113.7")));
        Assert.True(Holds("IpAddress", "aws:SourceIp", ["2001:db8::/32"], With("aws:SourceIp", "2001:db8:1::5")));
        Assert.True(Holds("NotIpAddress", "aws:SourceIp", ["10.2.0.0/16"], With("aws:SourceIp", "192.168.0.1")));
    }

    [Fact]
    public void Arn_operators_match_part_by_part()
    {
        var arn = "arn:aws:iam::123456789012:role/ds-notebook-role";
        Assert.True(Holds("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/ds-*"], With("aws:PrincipalArn", arn)));
        Assert.True(Holds("ArnEquals", "aws:PrincipalArn", [arn], With("aws:PrincipalArn", arn)));
        Assert.True(Holds("ArnNotLike", "aws:PrincipalArn", ["arn:aws:iam::*:user/*"], With("aws:PrincipalArn", arn)));
        Assert.False(Holds("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/*"], With("aws:PrincipalArn", arn + ":extra")));
        Assert.True(Holds("StringLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/*"], With("aws:PrincipalArn", arn + ":extra")));
        Assert.False(Holds("ArnNotEquals", "aws:PrincipalArn", [arn], With("aws:PrincipalArn", arn)));
    }

    [Fact]
    public void Null_tests_presence()
    {
        Assert.True(Holds("Null", "sagemaker:VpcSubnets", ["true"], Empty));
        Assert.False(Holds("Null", "sagemaker:VpcSubnets", ["true"], WithList("sagemaker:VpcSubnets", "subnet-a")));
        Assert.True(Holds("Null", "sagemaker:VpcSubnets", ["false"], WithList("sagemaker:VpcSubnets", "subnet-a")));
        Assert.True(Holds("Null", "sagemaker:VpcSubnets", ["true"], WithList("sagemaker:VpcSubnets")));
    }

    [Fact]
    public void Missing_keys_follow_the_documented_table()
    {
        Assert.False(Holds("StringEquals", "s:k", ["a"], Empty));
        Assert.True(Holds("StringNotEquals", "s:k", ["a"], Empty));
        Assert.True(Holds("StringEqualsIfExists", "s:k", ["a"], Empty));
        Assert.False(Holds("StringEqualsIfExists", "s:k", ["a"], With("s:k", "b")));
        Assert.True(Holds("ForAllValues:StringEquals", "s:k", ["a"], Empty));
        Assert.True(Holds("ForAllValues:StringNotEquals", "s:k", ["a"], Empty));
        Assert.False(Holds("ForAnyValue:StringEquals", "s:k", ["a"], Empty));
    }

    [Fact]
    public void Set_operators_compare_every_request_value()
    {
        var subnets = WithList("sagemaker:VpcSubnets", "subnet-a", "subnet-b");
        Assert.True(Holds("ForAllValues:StringEquals", "sagemaker:VpcSubnets", ["subnet-a", "subnet-b", "subnet-c"], subnets));
        Assert.False(Holds("ForAllValues:StringEquals", "sagemaker:VpcSubnets", ["subnet-a"], subnets));
        Assert.True(Holds("ForAnyValue:StringEquals", "sagemaker:VpcSubnets", ["subnet-b"], subnets));
        Assert.False(Holds("ForAnyValue:StringLike", "sagemaker:VpcSubnets", ["subnet-z*"], subnets));
        Assert.True(Holds("ForAllValues:StringNotLike", "aws:TagKeys", ["key1*"], WithList("aws:TagKeys", "key2x")));
        Assert.False(Holds("ForAllValues:StringNotLike", "aws:TagKeys", ["key1*"], WithList("aws:TagKeys", "key1x")));
    }

    [Fact]
    public void A_plain_operator_never_matches_a_multivalued_key() =>
        Assert.False(Holds("StringEquals", "sagemaker:VpcSubnets", ["subnet-a"], WithList("sagemaker:VpcSubnets", "subnet-a")));

    [Fact]
    public void Key_names_are_case_insensitive() =>
        Assert.True(Holds("StringEquals", "AWS:SOURCEVPCE", ["vpce-1"], With("aws:sourceVpce", "vpce-1")));

    [Fact]
    public void Policy_variables_substitute_context_values_with_defaults_and_stay_literal()
    {
        var context = With("aws:userid", "AROAEXAMPLE:alice").Set("sagemaker:ResourceTag/owner", "AROAEXAMPLE:alice");
        Assert.True(Holds("StringEquals", "sagemaker:ResourceTag/owner", ["${aws:userid}"], context));
        Assert.False(Holds("StringEquals", "sagemaker:ResourceTag/owner", ["${aws:userid}"], context, variables: false));
        Assert.True(Holds("StringEquals", "s:team", ["${aws:PrincipalTag/team, 'none'}"], With("s:team", "none")));
        Assert.False(Holds("StringLike", "s:k", ["${aws:userid}"], With("s:k", "anything").Set("aws:userid", "*")));
        Assert.False(Holds("StringEquals", "s:k", ["${aws:username}"], With("s:k", "x")));
        Assert.True(Holds("StringNotEquals", "s:k", ["${aws:username}"], With("s:k", "x")));
    }

    [Fact]
    public void Unknown_operators_are_refused_when_parsing()
    {
        var error = Assert.Throws<PolicyFormatException>(() => PolicyDocument.Parse(
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringSorta":{"a:b":"c"}}}}"""));
        Assert.Equal("Invalid Condition type : StringSorta.", error.Message);
        Assert.False(ConditionOperators.IsKnown("NullIfExists"));
        Assert.True(ConditionOperators.IsKnown("ForAnyValue:StringLikeIfExists"));
    }
}
