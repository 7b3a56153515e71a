using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Aws;

public static class DependencyInjection
{
    /// <summary>Registers the AWS adapters that implement Portal.Core's gateway ports.</summary>
    public static IServiceCollection AddPortalAws(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
