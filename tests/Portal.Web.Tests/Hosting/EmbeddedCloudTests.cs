using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Catalog;
using Portal.Core.Identity;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

/// <summary>The embedded default: Portal.Aws talks to the in-process LocalCloud over real loopback HTTP, signed, like to AWS.</summary>
public class EmbeddedCloudTests
{
    [Fact]
    public async Task The_portals_aws_clients_reach_the_embedded_localcloud()
    {
        await using var factory = new PortalFactory();
        _ = factory.Server;
        var ct = TestContext.Current.CancellationToken;

        var caller = await factory.Services.GetRequiredService<ICallerIdentityGateway>().GetCallerIdentityAsync(ActingIdentity.Portal, ct);

        Assert.True(caller.IsSuccess, caller.Error?.ToString());
        Assert.Equal("000000000000", caller.Value.Account);
    }

    [Fact]
    public async Task Catalog_changes_made_through_the_portal_survive_a_restart()
    {
        var directory = Directory.CreateTempSubdirectory("portal-restart-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(directory, "portal.db")};Pooling=false",
            ["LocalCloud:DataDirectory"] = Path.Combine(directory, "localcloud"),
        };
        var ct = TestContext.Current.CancellationToken;
        try
        {
            string portfolioId;
            await using (var first = new PortalFactory(settings))
            {
                _ = first.Server;
                var created = await first.Services.GetRequiredService<ICatalogAdministrationGateway>()
                    .CreatePortfolioAsync(ActingIdentity.Portal, new NewPortfolio("Data Science Projects", "Platform team"), ct);
                Assert.True(created.IsSuccess, created.Error?.ToString());
                portfolioId = created.Value.Id;
            }

            await using var second = new PortalFactory(settings);
            _ = second.Server;
            var described = await second.Services.GetRequiredService<ICatalogAdministrationGateway>()
                .DescribePortfolioAsync(ActingIdentity.Portal, portfolioId, ct);

            Assert.True(described.IsSuccess, described.Error?.ToString());
            Assert.Equal("Data Science Projects", described.Value.DisplayName);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
