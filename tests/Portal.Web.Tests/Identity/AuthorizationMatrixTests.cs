using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Identity;
using Portal.Web.Features.Identity;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Identity;

/// <summary>
/// Every routable page and API endpoint × every persona (and anonymous): the answer must match the
/// policy's roles. Generated from the endpoint metadata, so a new page or endpoint is covered — and one
/// without a policy fails.
/// </summary>
public class AuthorizationMatrixTests
{
    private static readonly string?[] Personas = [null, "pat", "ada", "dana", "sam", "avery"];

    [Fact]
    public void Every_page_declares_a_policy_or_allows_anonymous_access_explicitly()
    {
        var unguarded = PageCatalog.All.Where(p => p.Policy is null && !p.AllowAnonymous).Select(p => p.Template).ToList();

        Assert.True(unguarded.Count == 0, "Pages without [Authorize(Policy=…)] or [AllowAnonymous]: " + string.Join(", ", unguarded));
        Assert.All(PageCatalog.All.Where(p => p.Policy is not null), p => Assert.Contains(p.Policy!, PortalPolicies.RolesByPolicy.Keys));
    }

    [Fact]
    public async Task Every_api_endpoint_declares_authorization()
    {
        await using var factory = new PortalFactory();
        _ = factory.Server;

        var unguarded = ApiEndpoints(factory)
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.NotEmpty(ApiEndpoints(factory));
        Assert.True(unguarded.Count == 0, "API endpoints without authorization: " + string.Join(", ", unguarded));
    }

    [Fact]
    public async Task Every_page_answers_each_persona_as_its_policy_says()
    {
        await using var factory = new PortalFactory();
        var ct = TestContext.Current.CancellationToken;
        var failures = new List<string>();
        foreach (var login in Personas)
        {
            using var client = await DevelopmentSignIn.ClientForAsync(factory, login, ct);
            var user = login is null ? null : DevelopmentUsers.Find(login);
            foreach (var page in PageCatalog.All.Where(p => !p.Template.Contains('{', StringComparison.Ordinal)))
            {
                using var response = await client.GetAsync(new Uri(page.Template, UriKind.Relative), ct);
                var expected = Expected(page, user);
                var actual = Classify(response);
                if (expected != actual)
                {
                    failures.Add($"{login ?? "anonymous"} {page.Template}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_api_endpoint_answers_401_or_403_problem_details_never_a_redirect()
    {
        await using var factory = new PortalFactory();
        var ct = TestContext.Current.CancellationToken;
        _ = factory.Server;
        var endpoints = ApiEndpoints(factory).Where(e => !e.RoutePattern.RawText!.Contains('{', StringComparison.Ordinal)).ToList();
        var failures = new List<string>();
        foreach (var login in Personas)
        {
            using var client = await DevelopmentSignIn.ClientForAsync(factory, login, ct);
            foreach (var endpoint in endpoints)
            {
                using var response = await client.GetAsync(new Uri("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), UriKind.Relative), ct);
                var expected = login is null ? HttpStatusCode.Unauthorized : HttpStatusCode.OK;
                if (response.StatusCode != expected)
                {
                    failures.Add($"{login ?? "anonymous"} {endpoint.RoutePattern.RawText}: expected {expected}, got {response.StatusCode}");
                }

                if (login is null && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"anonymous {endpoint.RoutePattern.RawText}: not ProblemDetails");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static List<RouteEndpoint> ApiEndpoints(PortalFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal) == true
                && !e.RoutePattern.RawText.EndsWith("openapi.json", StringComparison.Ordinal))
            .ToList();

    private static string Expected(PageEntry page, DevelopmentUser? user)
    {
        if (page.AllowAnonymous)
        {
            return "allowed";
        }

        if (user is null)
        {
            return "sign-in";
        }

        return page.Policy is null || PortalPolicies.RolesByPolicy[page.Policy].Any(r => user.Roles.Contains(r)) ? "allowed" : "denied";
    }

    private static string Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => "allowed",
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/signin", StringComparison.Ordinal) == true => "sign-in",
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true => "denied",
        _ => "unexpected",
    };
}
