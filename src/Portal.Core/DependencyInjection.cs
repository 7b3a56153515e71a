using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core;

public static class DependencyInjection
{
    /// <summary>Registers Portal.Core's use cases.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new Guardrails.GuardrailEngine(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
