using Microsoft.Extensions.Options;
using Portal.Web;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPortalWeb();
    var app = builder.Build();
    app.UsePortalWeb();

    // Validate options before the host starts, so a bad value is reported as one line and not as a logged stack trace.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    // One line an operator can act on: the key, the value found, the values allowed.
    await Console.Error.WriteLineAsync("Configuration error: " + string.Join(" ", ex.Failures));
    return 2;
}

/// <summary>Entry point; partial so WebApplicationFactory can see it.</summary>
public partial class Program;
