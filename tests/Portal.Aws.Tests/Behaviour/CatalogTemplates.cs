using System.Text;
using Amazon.S3.Model;
using Portal.Core.Catalog;
using Portal.Core.Identity;

namespace Portal.Aws.Tests.Behaviour;

/// <summary>A small CloudFormation template and helpers that publish it through the portal's ports, as an administrator would.</summary>
internal static class CatalogTemplates
{
    public const string Notebook = """
        AWSTemplateFormatVersion: '2010-09-09'
        Description: Behaviour test notebook product
        Parameters:
          InstanceType:
            Type: String
            Default: ml.t3.medium
            AllowedValues: [ml.t3.medium, ml.t3.large]
            Description: Notebook size
          ProjectName:
            Type: String
            MinLength: 3
            MaxLength: 20
            Description: Project the notebook belongs to
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
        Outputs:
          BucketName:
            Value: !Ref Bucket
            Description: The project bucket
        """;

    /// <summary>Stores the template through <see cref="ITemplateStorage"/> (creating the bucket with the S3 SDK first).</summary>
    public static async Task<StoredTemplate> StoreAsync(LocalCloudBehaviourFixture cloud, string template, CancellationToken cancellationToken)
    {
        var bucket = LocalCloudBehaviourFixture.Unique("templates");
        using (var s3 = cloud.S3())
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
        }

        var stored = await cloud.Get<ITemplateStorage>().PutTemplateAsync(ActingIdentity.Portal, bucket, "products/notebook.yaml", Encoding.UTF8.GetBytes(template), cancellationToken);
        return stored.IsSuccess ? stored.Value : throw new InvalidOperationException($"Template upload failed: {stored.Error}");
    }

    /// <summary>A portfolio with one product (from the stored template) associated with it.</summary>
    public static async Task<(Portfolio Portfolio, ProductDetail Product)> PublishAsync(LocalCloudBehaviourFixture cloud, CancellationToken cancellationToken)
    {
        var admin = cloud.Get<ICatalogAdministrationGateway>();
        var template = await StoreAsync(cloud, Notebook, cancellationToken);
        var portfolio = Ok(await admin.CreatePortfolioAsync(ActingIdentity.Portal, new NewPortfolio(LocalCloudBehaviourFixture.Unique("Data Science"), "Platform team"), cancellationToken));
        var product = Ok(await admin.CreateProductAsync(ActingIdentity.Portal, new NewProduct(LocalCloudBehaviourFixture.Unique("Notebook"), "Platform team", new NewProductVersion("v1", template.Url)), cancellationToken));
        Ok(await admin.AssociateProductWithPortfolioAsync(ActingIdentity.Portal, product.Product.Id, portfolio.Id, cancellationToken));
        return (portfolio, product);
    }

    public static T Ok<T>(Portal.Core.Common.Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Expected success but got {result.Error}");
}
