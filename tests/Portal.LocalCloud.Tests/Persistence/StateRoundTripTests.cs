using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Portal.LocalCloud.ServiceCatalog;
using Portal.LocalCloud.Tests.Cli;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Persistence;

/// <summary>Everything a restart must bring back: Service Catalog records with engine outcomes, S3 key order, KMS keys.</summary>
public sealed class StateRoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Catalog_records_object_order_and_kms_keys_are_the_same_after_a_restart()
    {
        var data = Directory.CreateTempSubdirectory("localcloud-");
        var settings = new Dictionary<string, string?> { ["LocalCloud:DataDirectory"] = data.FullName };
        try
        {
            string recordId;
            byte[] ciphertext;
            await using (var first = await LocalCloudServer.StartAsync(settings, s => s.AddSingleton<IProvisioningEngine>(new ScriptedProvisioningEngine())))
            {
                using var s3 = SdkClients.S3(first.Endpoint);
                await s3.PutBucketAsync("order", Ct);
                foreach (var objectKey in new[] { "b", "B", "a", "é", "Z" })
                {
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = "order", Key = objectKey, ContentBody = objectKey }, Ct);
                }

                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "order", Key = "nb.yaml", ContentBody = ServiceCatalogCliTests.NotebookTemplate }, Ct);
                using var sc = new AwsWireClient(first.Endpoint);
                var portfolio = (await sc.ServiceCatalogAsync("CreatePortfolio", new() { ["DisplayName"] = "p", ["ProviderName"] = "x", ["IdempotencyToken"] = "a" }))["PortfolioDetail"]!["Id"]!.GetValue<string>();
                var product = (await sc.ServiceCatalogAsync("CreateProduct", new() { ["Name"] = "n", ["Owner"] = "o", ["ProductType"] = "CLOUD_FORMATION_TEMPLATE", ["IdempotencyToken"] = "b", ["ProvisioningArtifactParameters"] = new JsonObject { ["Info"] = new JsonObject { ["LoadTemplateFromURL"] = first.Endpoint + "/order/nb.yaml" } } }))["ProductViewDetail"]!["ProductViewSummary"]!["ProductId"]!.GetValue<string>();
                await sc.ServiceCatalogAsync("AssociateProductWithPortfolio", new() { ["ProductId"] = product, ["PortfolioId"] = portfolio });
                await sc.ServiceCatalogAsync("AssociatePrincipalWithPortfolio", new() { ["PortfolioId"] = portfolio, ["PrincipalARN"] = "arn:aws:iam::000000000000:root", ["PrincipalType"] = "IAM" });
                var artifact = (await sc.ServiceCatalogAsync("ListProvisioningArtifacts", new() { ["ProductId"] = product }))["ProvisioningArtifactDetails"]![0]!["Id"]!.GetValue<string>();
                recordId = (await sc.ServiceCatalogAsync("ProvisionProduct", new() { ["ProductId"] = product, ["ProvisioningArtifactId"] = artifact, ["ProvisionedProductName"] = "pp", ["ProvisionToken"] = "c", ["ProvisioningParameters"] = new JsonArray(new JsonObject { ["Key"] = "ProjectName", ["Value"] = "p1" }) }))["RecordDetail"]!["RecordId"]!.GetValue<string>();
                using var kms = SdkClients.Kms(first.Endpoint);
                var key = await kms.CreateKeyAsync(new Amazon.KeyManagementService.Model.CreateKeyRequest(), Ct);
                ciphertext = (await kms.EncryptAsync(new Amazon.KeyManagementService.Model.EncryptRequest { KeyId = key.KeyMetadata.KeyId, Plaintext = new MemoryStream([7, 7]) }, Ct)).CiphertextBlob.ToArray();
            }

            await using var second = await LocalCloudServer.StartAsync(settings);
            using var s3After = SdkClients.S3(second.Endpoint);
            using var scAfter = new AwsWireClient(second.Endpoint);
            using var kmsAfter = SdkClients.Kms(second.Endpoint);

            var keys = (await s3After.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "order" }, Ct)).S3Objects.Select(o => o.Key);
            var record = await scAfter.ServiceCatalogAsync("DescribeRecord", new() { ["Id"] = recordId });
            var plain = await kmsAfter.DecryptAsync(new Amazon.KeyManagementService.Model.DecryptRequest { CiphertextBlob = new MemoryStream(ciphertext) }, Ct);

            Assert.Equal(["B", "Z", "a", "b", "nb.yaml", "é"], keys);
            Assert.Equal("SUCCEEDED", record["RecordDetail"]!["Status"]!.GetValue<string>());
            Assert.Equal("NotebookUrl", record["RecordOutputs"]![0]!["OutputKey"]!.GetValue<string>());
            Assert.Equal([7, 7], plain.Plaintext.ToArray());
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
