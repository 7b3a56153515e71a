using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Portal.LocalCloud;

/// <summary>Standalone entry point: <c>dotnet run --project src/Portal.LocalCloud -- --urls http://127.0.0.1:4566</c> (that address is also the default).</summary>
public static class LocalCloudProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:4566");
        }

        builder.Services.AddLocalCloud(builder.Configuration);
        var app = builder.Build();
        app.MapLocalCloud();
        await app.RunAsync();
        return 0;
    }
}
