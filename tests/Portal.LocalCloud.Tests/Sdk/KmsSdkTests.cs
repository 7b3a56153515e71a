using System.Text;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Sdk;

public sealed class KmsSdkTests(LocalCloudFixture cloud)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Encrypt_then_decrypt_through_an_alias_returns_the_plaintext()
    {
        using var kms = SdkClients.Kms(cloud.Endpoint);
        var key = await kms.CreateKeyAsync(new CreateKeyRequest { Description = "project key" }, Ct);
        var alias = "alias/project-" + Guid.NewGuid().ToString("N")[..8];
        await kms.CreateAliasAsync(alias, key.KeyMetadata.KeyId, Ct);

        var encrypted = await kms.EncryptAsync(new EncryptRequest { KeyId = alias, Plaintext = new MemoryStream(Encoding.UTF8.GetBytes("secret")), EncryptionContext = new() { ["project"] = "p1" } }, Ct);
        var decrypted = await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob, EncryptionContext = new() { ["project"] = "p1" } }, Ct);

        Assert.Equal("secret", Encoding.UTF8.GetString(decrypted.Plaintext.ToArray()));
        Assert.Equal(key.KeyMetadata.Arn, decrypted.KeyId);
        Assert.Equal(KeyState.Enabled, key.KeyMetadata.KeyState);
    }

    [Fact]
    public async Task Key_rotation_is_enabled_with_a_period_reported_and_disabled_but_not_on_a_disabled_key()
    {
        using var kms = SdkClients.Kms(cloud.Endpoint);
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest(), Ct)).KeyMetadata.KeyId;
        var initially = await kms.GetKeyRotationStatusAsync(new GetKeyRotationStatusRequest { KeyId = key }, Ct);

        await kms.EnableKeyRotationAsync(new EnableKeyRotationRequest { KeyId = key, RotationPeriodInDays = 180 }, Ct);
        var enabled = await kms.GetKeyRotationStatusAsync(new GetKeyRotationStatusRequest { KeyId = key }, Ct);
        using var wire = new AwsWireClient(cloud.Endpoint);
        var badPeriod = await Assert.ThrowsAsync<AwsWireException>(() => wire.JsonAsync("kms", "TrentService", "EnableKeyRotation", new System.Text.Json.Nodes.JsonObject { ["KeyId"] = key, ["RotationPeriodInDays"] = 30 }));
        await kms.DisableKeyRotationAsync(new DisableKeyRotationRequest { KeyId = key }, Ct);
        var disabled = await kms.GetKeyRotationStatusAsync(new GetKeyRotationStatusRequest { KeyId = key }, Ct);
        await kms.DisableKeyAsync(key, Ct);

        Assert.False(initially.KeyRotationEnabled);
        Assert.True(enabled.KeyRotationEnabled);
        Assert.Equal(180, enabled.RotationPeriodInDays);
        Assert.Equal("ValidationException", badPeriod.Code);
        Assert.False(disabled.KeyRotationEnabled);
        await Assert.ThrowsAsync<DisabledException>(() => kms.EnableKeyRotationAsync(new EnableKeyRotationRequest { KeyId = key }, Ct));
    }

    [Fact]
    public async Task Decrypt_with_a_different_encryption_context_is_refused()
    {
        using var kms = SdkClients.Kms(cloud.Endpoint);
        var key = await kms.CreateKeyAsync(new CreateKeyRequest(), Ct);
        var encrypted = await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyMetadata.KeyId, Plaintext = new MemoryStream([1, 2, 3]), EncryptionContext = new() { ["a"] = "1" } }, Ct);

        await Assert.ThrowsAsync<InvalidCiphertextException>(() =>
            kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob, EncryptionContext = new() { ["a"] = "2" } }, Ct));
    }

    [Fact]
    public async Task ListKeys_pages_with_markers_and_DescribeKey_resolves_alias_names()
    {
        using var kms = SdkClients.Kms(cloud.Endpoint);
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await kms.CreateKeyAsync(new CreateKeyRequest(), Ct)).KeyMetadata.KeyId);
        }

        var alias = "alias/describe-" + Guid.NewGuid().ToString("N")[..8];
        await kms.CreateAliasAsync(alias, created[0], Ct);
        var listed = new List<string>();
        string? marker = null;
        do
        {
            var page = await kms.ListKeysAsync(new ListKeysRequest { Limit = 2, Marker = marker }, Ct);
            listed.AddRange(page.Keys.Select(k => k.KeyId));
            marker = page.Truncated == true ? page.NextMarker : null;
        }
        while (marker is not null);

        var described = await kms.DescribeKeyAsync(alias, Ct);
        var aliases = await kms.ListAliasesAsync(new ListAliasesRequest { KeyId = created[0] }, Ct);

        Assert.Superset(created.ToHashSet(), listed.ToHashSet());
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(created[0], described.KeyMetadata.KeyId);
        Assert.Equal(alias, Assert.Single(aliases.Aliases).AliasName);
    }

    [Fact]
    public async Task A_duplicate_alias_is_AlreadyExists_and_an_unknown_key_is_NotFound()
    {
        using var kms = SdkClients.Kms(cloud.Endpoint);
        var key = await kms.CreateKeyAsync(new CreateKeyRequest(), Ct);
        var alias = "alias/dup-" + Guid.NewGuid().ToString("N")[..8];
        await kms.CreateAliasAsync(alias, key.KeyMetadata.KeyId, Ct);

        await Assert.ThrowsAsync<AlreadyExistsException>(() => kms.CreateAliasAsync(alias, key.KeyMetadata.KeyId, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => kms.DescribeKeyAsync(Guid.NewGuid().ToString(), Ct));
    }
}
