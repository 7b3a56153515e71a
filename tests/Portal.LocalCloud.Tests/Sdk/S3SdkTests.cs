using Amazon.S3;
using Amazon.S3.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Sdk;

public sealed class S3SdkTests(LocalCloudFixture cloud)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_object_put_with_aws_chunked_encoding_reads_back_byte_for_byte()
    {
        using var s3 = SdkClients.S3(cloud.Endpoint);
        var bucket = "chunked-" + Guid.NewGuid().ToString("N")[..8];
        await s3.PutBucketAsync(bucket, Ct);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "dir x/hello+1.txt", ContentBody = "hello" }, Ct);

        using var get = await s3.GetObjectAsync(bucket, "dir x/hello+1.txt", Ct);
        using var reader = new StreamReader(get.ResponseStream);
        Assert.Equal("hello", await reader.ReadToEndAsync(Ct));
        Assert.Equal("\"5d41402abc4b2a76b9719d911017c592\"", get.ETag);
    }

    [Fact]
    public async Task ListObjectsV2_pages_with_continuation_tokens_and_groups_common_prefixes()
    {
        using var s3 = SdkClients.S3(cloud.Endpoint);
        var bucket = "paging-" + Guid.NewGuid().ToString("N")[..8];
        await s3.PutBucketAsync(bucket, Ct);
        foreach (var key in new[] { "a/1", "a/2", "b/1", "c", "d", "e" })
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = key, UseChunkEncoding = false }, Ct);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Delimiter = "/", MaxKeys = 2, ContinuationToken = token }, Ct);
            seen.AddRange(page.CommonPrefixes ?? []);
            seen.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["a/", "b/", "c", "d", "e"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Bucket_policy_and_encryption_are_stored_and_returned()
    {
        using var s3 = SdkClients.S3(cloud.Endpoint);
        var bucket = "policy-" + Guid.NewGuid().ToString("N")[..8];
        await s3.PutBucketAsync(bucket, Ct);
        var policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";
        await s3.PutBucketPolicyAsync(bucket, policy, Ct);
        await s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = bucket,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules = [new ServerSideEncryptionRule { ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = "alias/project" } }],
            },
        }, Ct);

        var readPolicy = await s3.GetBucketPolicyAsync(bucket, Ct);
        var encryption = await s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = bucket }, Ct);

        Assert.Equal(policy, readPolicy.Policy);
        var rule = Assert.Single(encryption.ServerSideEncryptionConfiguration.ServerSideEncryptionRules);
        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, rule.ServerSideEncryptionByDefault.ServerSideEncryptionAlgorithm);
        Assert.Equal("alias/project", rule.ServerSideEncryptionByDefault.ServerSideEncryptionKeyManagementServiceKeyId);
    }

    [Fact]
    public async Task A_missing_key_is_NoSuchKey_and_deleting_a_non_empty_bucket_is_refused()
    {
        using var s3 = SdkClients.S3(cloud.Endpoint);
        var bucket = "errors-" + Guid.NewGuid().ToString("N")[..8];
        await s3.PutBucketAsync(bucket, Ct);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "v" }, Ct);

        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(bucket, "nope", Ct));
        var notEmpty = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.DeleteBucketAsync(bucket, Ct));

        Assert.Equal("NoSuchKey", missing.ErrorCode);
        Assert.Equal("BucketNotEmpty", notEmpty.ErrorCode);
        Assert.NotNull(await s3.GetObjectMetadataAsync(bucket, "k", Ct));
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_secret_is_rejected_with_SignatureDoesNotMatch()
    {
        using var s3 = SdkClients.S3(cloud.Endpoint, new Amazon.Runtime.BasicAWSCredentials("test", "wrong"));

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.ListBucketsAsync(Ct));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_access_key_is_rejected_with_InvalidAccessKeyId()
    {
        using var s3 = SdkClients.S3(cloud.Endpoint, new Amazon.Runtime.BasicAWSCredentials("AKIAUNKNOWN", "x"));

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.ListBucketsAsync(Ct));

        Assert.Equal("InvalidAccessKeyId", error.ErrorCode);
    }
}
