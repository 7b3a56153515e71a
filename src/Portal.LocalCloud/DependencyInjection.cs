using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.LocalCloud;

public static class DependencyInjection
{
    /// <summary>Registers LocalCloud's services. Configuration section: <c>LocalCloud</c>.</summary>
    public static IServiceCollection AddLocalCloud(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    /// <summary>Maps LocalCloud's wire endpoints and its admin endpoints under <c>/_localcloud/</c>.</summary>
    public static IEndpointRouteBuilder MapLocalCloud(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/_localcloud/health", () => Results.Ok(new { status = "ok" }));
        return endpoints;
    }
}
