using Microsoft.AspNetCore.Builder;

namespace Portal.LocalCloud;

/// <summary>Standalone entry point: <c>dotnet run --project src/Portal.LocalCloud -- --urls http://127.0.0.1:4566</c>.</summary>
public static class LocalCloudProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddLocalCloud(builder.Configuration);
        var app = builder.Build();
        app.MapLocalCloud();
        await app.RunAsync();
        return 0;
    }
}
