using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Sdk;

public sealed class SsmSdkTests(LocalCloudFixture cloud)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parameters_put_under_a_path_are_read_singly_in_batches_and_by_path_with_paging()
    {
        using var ssm = SdkClients.Ssm(cloud.Endpoint);
        var root = "/ds-" + Guid.NewGuid().ToString("N")[..8];
        await ssm.PutParameterAsync(new PutParameterRequest { Name = root + "/vpc-id", Value = "vpc-1", Type = ParameterType.String }, Ct);
        await ssm.PutParameterAsync(new PutParameterRequest { Name = root + "/subnet-ids", Value = "a,b", Type = ParameterType.StringList }, Ct);
        await ssm.PutParameterAsync(new PutParameterRequest { Name = root + "/kms/key", Value = "k", Type = ParameterType.SecureString }, Ct);

        var single = await ssm.GetParameterAsync(new GetParameterRequest { Name = root + "/vpc-id" }, Ct);
        var batch = await ssm.GetParametersAsync(new GetParametersRequest { Names = [root + "/vpc-id", root + "/missing"] }, Ct);
        var direct = new List<string>();
        var recursive = new List<string>();
        string? token = null;
        do
        {
            var page = await ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = root, Recursive = true, MaxResults = 2, NextToken = token, WithDecryption = true }, Ct);
            recursive.AddRange(page.Parameters.Select(p => p.Name + "=" + p.Value));
            token = page.NextToken;
        }
        while (token is not null);
        direct.AddRange((await ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = root }, Ct)).Parameters.Select(p => p.Name));

        Assert.Equal("vpc-1", single.Parameter.Value);
        Assert.Equal(1, single.Parameter.Version);
        Assert.Equal([root + "/missing"], batch.InvalidParameters);
        Assert.Equal([root + "/kms/key=k", root + "/subnet-ids=a,b", root + "/vpc-id=vpc-1"], recursive);
        Assert.Equal([root + "/subnet-ids", root + "/vpc-id"], direct);
    }

    [Fact]
    public async Task Overwriting_requires_the_flag_and_bumps_the_version_and_delete_removes_the_parameter()
    {
        using var ssm = SdkClients.Ssm(cloud.Endpoint);
        var name = "/ow-" + Guid.NewGuid().ToString("N")[..8];
        await ssm.PutParameterAsync(new PutParameterRequest { Name = name, Value = "1", Type = ParameterType.String }, Ct);

        await Assert.ThrowsAsync<ParameterAlreadyExistsException>(() => ssm.PutParameterAsync(new PutParameterRequest { Name = name, Value = "2", Type = ParameterType.String }, Ct));
        var second = await ssm.PutParameterAsync(new PutParameterRequest { Name = name, Value = "2", Overwrite = true }, Ct);
        await ssm.DeleteParameterAsync(new DeleteParameterRequest { Name = name }, Ct);

        Assert.Equal(2, second.Version);
        await Assert.ThrowsAsync<ParameterNotFoundException>(() => ssm.GetParameterAsync(new GetParameterRequest { Name = name }, Ct));
    }
}
