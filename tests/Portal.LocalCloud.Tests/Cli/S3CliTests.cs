using Amazon.S3.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Cli;

public sealed class S3CliTests(LocalCloudFixture cloud)
{
    [Fact]
    public async Task The_cli_lists_keys_with_spaces_and_plus_signs_through_url_encoding()
    {
        var aws = new AwsCli(cloud.Endpoint);
        var bucket = "cli-" + Guid.NewGuid().ToString("N")[..8];
        using var s3 = SdkClients.S3(cloud.Endpoint);
        await s3.PutBucketAsync(bucket, TestContext.Current.CancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "a b/c+d.txt", ContentBody = "x" }, TestContext.Current.CancellationToken);

        var listed = await aws.JsonAsync("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", "a b/c+d");
        var ls = await aws.RunAsync("s3", "ls", $"s3://{bucket}/a b/");

        Assert.Equal("a b/c+d.txt", AwsCli.Str(listed["Contents"]![0]!["Key"]));
        Assert.Contains("c+d.txt", ls.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_presigned_get_url_from_the_sdk_downloads_the_object_and_expires()
    {
        using var s3 = SdkClients.S3(cloud.Endpoint);
        var bucket = "presign-" + Guid.NewGuid().ToString("N")[..8];
        await s3.PutBucketAsync(bucket, TestContext.Current.CancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "report.csv", ContentBody = "a,b" }, TestContext.Current.CancellationToken);
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest { BucketName = bucket, Key = "report.csv", Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Amazon.S3.Protocol.HTTP });
        using var http = new HttpClient();

        var body = await http.GetStringAsync(url, TestContext.Current.CancellationToken);
        using var tampered = await http.GetAsync(url.Replace("report.csv", "other.csv", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        Assert.Equal("a,b", body);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, tampered.StatusCode);
    }
}
