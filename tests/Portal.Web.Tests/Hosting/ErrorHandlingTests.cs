using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

/// <summary>A failure deep inside the portal never shows a stack trace or internal detail to the user.</summary>
public class ErrorHandlingTests
{
    private const string Secret = "connection string Password=hunter2";

    [Theory]
    [InlineData("/boom", "text/html", "Something went wrong")]
    [InlineData("/api/v1/boom", "application/problem+json", "The portal could not complete the request.")]
    public async Task An_unhandled_exception_shows_a_friendly_answer_without_internals(string path, string mediaType, string text)
    {
        await using var factory = new ThrowingPortalFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(mediaType == response.Content.Headers.ContentType?.MediaType, body[..Math.Min(body.Length, 3000)]);
        Assert.Contains(text, body, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Portal.", body, StringComparison.Ordinal);
    }

    /// <summary>The portal plus two endpoints that throw, added in front of its own pipeline's endpoints.</summary>
    private sealed class ThrowingPortalFactory : IAsyncDisposable
    {
        private readonly PortalFactory _inner = new();
        private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? _factory;

        public HttpClient CreateClient()
        {
            _factory = _inner.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowingEndpoints>()));
            return _factory.CreateClient();
        }

        public async ValueTask DisposeAsync()
        {
            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }

            await _inner.DisposeAsync();
        }
    }

    private sealed class ThrowingEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseEndpoints(e =>
            {
                e.MapGet("/boom", (HttpContext _) => ThrowSecret()).AllowAnonymous();
                e.MapGet("/api/v1/boom", (HttpContext _) => ThrowSecret()).AllowAnonymous();
            });
        };

        private static string ThrowSecret() => throw new InvalidOperationException(Secret);
    }
}
