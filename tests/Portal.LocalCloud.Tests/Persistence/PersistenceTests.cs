using Amazon.S3.Model;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Persistence;

public sealed class PersistenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_acknowledged_change_survives_a_kill_9_and_restart()
    {
        var data = Directory.CreateTempSubdirectory("localcloud-");
        try
        {
            string notebookArn;
            string sessionKey;
            string defaultVpc;
            await using (var first = await StandaloneLocalCloud.StartAsync(data.FullName))
            {
                using var ssm = SdkClients.Ssm(first.Endpoint);
                using var s3 = SdkClients.S3(first.Endpoint);
                using var wire = new AwsWireClient(first.Endpoint);
                for (var i = 0; i < 20; i++)
                {
                    await ssm.PutParameterAsync(new PutParameterRequest { Name = $"/persist/p{i:00}", Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = ParameterType.String }, Ct);
                }

                await s3.PutBucketAsync("persisted", Ct);
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "persisted", Key = "k", ContentBody = "kept" }, Ct);
                notebookArn = (await wire.SageMakerAsync("CreateNotebookInstance", new() { ["NotebookInstanceName"] = "kept", ["InstanceType"] = "ml.t3.medium", ["RoleArn"] = "arn:aws:iam::000000000000:role/r" }))["NotebookInstanceArn"]!.GetValue<string>();
                await wire.QueryAsync("iam", "2010-05-08", "CreateRole", new Dictionary<string, string> { ["RoleName"] = "kept", ["AssumeRolePolicyDocument"] = """{"Statement":[{"Effect":"Allow","Principal":{"AWS":"000000000000"},"Action":"sts:AssumeRole"}]}""" });
                var assumed = await wire.QueryAsync("sts", "2011-06-15", "AssumeRole", new Dictionary<string, string> { ["RoleArn"] = "arn:aws:iam::000000000000:role/kept", ["RoleSessionName"] = "s1" });
                sessionKey = assumed.Descendants().First(e => e.Name.LocalName == "AccessKeyId").Value;
                using var ec2 = SdkClients.Ec2(first.Endpoint);
                defaultVpc = (await ec2.DescribeVpcsAsync(new Amazon.EC2.Model.DescribeVpcsRequest(), Ct)).Vpcs.Single().VpcId;
                await first.KillAsync();
            }

            await using var second = await StandaloneLocalCloud.StartAsync(data.FullName);
            using var ssmAfter = SdkClients.Ssm(second.Endpoint);
            using var s3After = SdkClients.S3(second.Endpoint);
            using var wireAfter = new AwsWireClient(second.Endpoint);
            var parameters = new List<string>();
            string? token = null;
            do
            {
                var page = await ssmAfter.GetParametersByPathAsync(new GetParametersByPathRequest { Path = "/persist", NextToken = token }, Ct);
                parameters.AddRange(page.Parameters.Select(p => p.Value));
                token = page.NextToken;
            }
            while (token is not null);
            using var obj = await s3After.GetObjectAsync("persisted", "k", Ct);
            using var reader = new StreamReader(obj.ResponseStream);
            var notebook = await wireAfter.SageMakerAsync("DescribeNotebookInstance", new() { ["NotebookInstanceName"] = "kept" });
            using var http = new HttpClient();
            var state = await http.GetStringAsync(second.Endpoint + "/_localcloud/state", Ct);

            using var ec2After = SdkClients.Ec2(second.Endpoint);
            var vpcAfter = (await ec2After.DescribeVpcsAsync(new Amazon.EC2.Model.DescribeVpcsRequest(), Ct)).Vpcs.Single().VpcId;

            Assert.Equal(20, parameters.Count);
            Assert.Equal(defaultVpc, vpcAfter);
            Assert.Equal("kept", await reader.ReadToEndAsync(Ct));
            Assert.Equal(notebookArn, notebook["NotebookInstanceArn"]!.GetValue<string>());
            Assert.Contains(sessionKey, state, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_reset_empties_the_persisted_state()
    {
        var data = Directory.CreateTempSubdirectory("localcloud-");
        try
        {
            await using (var first = await StandaloneLocalCloud.StartAsync(data.FullName))
            {
                using var ssm = SdkClients.Ssm(first.Endpoint);
                await ssm.PutParameterAsync(new PutParameterRequest { Name = "/reset/p", Value = "v", Type = ParameterType.String }, Ct);
                using var http = new HttpClient();
                using var reset = await http.PostAsync(first.Endpoint + "/_localcloud/reset", null, Ct);
                Assert.True(reset.IsSuccessStatusCode);
                await first.KillAsync();
            }

            await using var second = await StandaloneLocalCloud.StartAsync(data.FullName);
            using var after = SdkClients.Ssm(second.Endpoint);

            await Assert.ThrowsAsync<ParameterNotFoundException>(() => after.GetParameterAsync(new GetParameterRequest { Name = "/reset/p" }, Ct));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
