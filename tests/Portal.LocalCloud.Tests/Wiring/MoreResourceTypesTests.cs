using System.Text.Json.Nodes;
using Portal.LocalCloud.Tests.Hosting;

namespace Portal.LocalCloud.Tests.Wiring;

/// <summary>Stacks whose TagOption, TagOptionAssociation, InstanceProfile and CodeRepository resources become service state and go with the stack.</summary>
public sealed class MoreResourceTypesTests : IAsyncLifetime
{
    private const string TagOptionTemplate = """
        Resources:
          Portfolio:
            Type: AWS::ServiceCatalog::Portfolio
            Properties: { DisplayName: Data science, ProviderName: Platform team }
          CostCentre:
            Type: AWS::ServiceCatalog::TagOption
            Properties: { Key: cost-centre, Value: research }
          Association:
            Type: AWS::ServiceCatalog::TagOptionAssociation
            Properties: { ResourceId: !Ref Portfolio, TagOptionId: !Ref CostCentre }
        Outputs:
          PortfolioId: { Value: !Ref Portfolio }
          TagOptionId: { Value: !GetAtt CostCentre.Id }
        """;

    private LocalCloudServer? _server;

    private LocalCloudServer Server => _server!;

    public async ValueTask InitializeAsync() => _server = await LocalCloudServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task A_stack_tag_option_and_its_association_are_service_catalog_state_until_the_stack_is_deleted()
    {
        using var wire = new AwsWireClient(Server.Endpoint);
        var cfn = new CfnClient(wire);

        var id = await cfn.CreateStackAsync("tag-options", TagOptionTemplate);
        var outputs = await cfn.OutputsAsync(id);
        var described = await wire.ServiceCatalogAsync("DescribeTagOption", new JsonObject { ["Id"] = outputs["TagOptionId"] });
        var listed = await wire.ServiceCatalogAsync("ListTagOptions", new JsonObject { ["Filters"] = new JsonObject { ["Key"] = "cost-centre" } });
        var portfolio = await wire.ServiceCatalogAsync("DescribePortfolio", new JsonObject { ["Id"] = outputs["PortfolioId"] });
        await cfn.DeleteStackAsync(id);
        var gone = await Assert.ThrowsAsync<AwsWireException>(() => wire.ServiceCatalogAsync("DescribeTagOption", new JsonObject { ["Id"] = outputs["TagOptionId"] }));
        var afterDelete = await wire.ServiceCatalogAsync("ListTagOptions");

        Assert.StartsWith("tag-", outputs["TagOptionId"], StringComparison.Ordinal);
        Assert.Equal("research", described["TagOptionDetail"]!["Value"]!.GetValue<string>());
        Assert.True(described["TagOptionDetail"]!["Active"]!.GetValue<bool>());
        Assert.Equal(outputs["TagOptionId"], listed["TagOptionDetails"]!.AsArray().Single()!["Id"]!.GetValue<string>());
        Assert.Equal(outputs["TagOptionId"], portfolio["TagOptions"]!.AsArray().Single()!["Id"]!.GetValue<string>());
        Assert.Equal("DELETE_COMPLETE", await cfn.StatusAsync(id));
        Assert.Equal("ResourceNotFoundException", gone.Code);
        Assert.Empty(afterDelete["TagOptionDetails"]!.AsArray());
    }
}
