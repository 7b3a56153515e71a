using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Audit;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Identity;
using Portal.Web.Persistence;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Identity;

public class SignInTests
{
    [Fact]
    public async Task Me_returns_the_signed_in_users_roles_and_projects()
    {
        await using var factory = new PortalFactory();
        var ct = TestContext.Current.CancellationToken;
        using var client = await DevelopmentSignIn.ClientForAsync(factory, "ada", ct);

        var me = await client.GetFromJsonAsync<MeResponse>(new Uri("/api/v1/me", UriKind.Relative), ct);

        Assert.NotNull(me);
        Assert.Equal("ada", me.Login);
        Assert.Equal("Ada Admin", me.Name);
        Assert.Equal(["DataScienceAdmin"], me.Roles);
        Assert.Equal(["credit-risk"], me.AdministeredProjects);
    }

    [Fact]
    public async Task Anonymous_api_calls_get_401_problem_details_not_a_login_redirect()
    {
        await using var factory = new PortalFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_data_scientist_is_denied_another_projects_resources_and_the_attempt_is_audited()
    {
        await using var factory = new PortalFactory();
        var ct = TestContext.Current.CancellationToken;
        using var sam = await DevelopmentSignIn.ClientForAsync(factory, "sam", ct);
        using var dana = await DevelopmentSignIn.ClientForAsync(factory, "dana", ct);

        var foreign = await sam.GetAsync(new Uri("/api/v1/projects/credit-risk/access", UriKind.Relative), ct);
        var nonexistent = await sam.GetAsync(new Uri("/api/v1/projects/no-such-project/access", UriKind.Relative), ct);
        var own = await dana.GetFromJsonAsync<ProjectAccessResponse>(new Uri("/api/v1/projects/credit-risk/access", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, nonexistent.StatusCode); // the same answer: existence is not revealed
        Assert.Equal(new ProjectAccessResponse("credit-risk", true, true, false), own);

        var denials = await EntriesAsync(factory, ct);
        var denial = Assert.Single(denials, e => e.Event.Action == AuditActions.AccessDenied && e.Event.Project == "credit-risk");
        Assert.Equal("sam", denial.Event.Actor);
        Assert.Equal(AuditOutcome.Denied, denial.Event.Outcome);
        Assert.Equal("/api/v1/projects/credit-risk/access", denial.Event.Target);
    }

    [Fact]
    public async Task An_invalid_project_name_is_a_400_with_the_rule()
    {
        await using var factory = new PortalFactory();
        var ct = TestContext.Current.CancellationToken;
        using var dana = await DevelopmentSignIn.ClientForAsync(factory, "dana", ct);

        var response = await dana.GetAsync(new Uri("/api/v1/projects/Bad_Name/access", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("lower-case letters", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_auditor_may_view_any_project_but_not_operate_in_it()
    {
        await using var factory = new PortalFactory();
        var ct = TestContext.Current.CancellationToken;
        using var avery = await DevelopmentSignIn.ClientForAsync(factory, "avery", ct);

        var access = await avery.GetFromJsonAsync<ProjectAccessResponse>(new Uri("/api/v1/projects/fraud-detection/access", UriKind.Relative), ct);

        Assert.Equal(new ProjectAccessResponse("fraud-detection", true, false, false), access);
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_refused_and_sets_no_session()
    {
        await using var factory = new PortalFactory();
        var ct = TestContext.Current.CancellationToken;
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = "avery", ["returnUrl"] = "/audit" });

        var response = await client.PostAsync(new Uri("/account/dev-signin", UriKind.Relative), form, ct);
        var me = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/phish", "/")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/audit", "/audit")]
    public async Task Sign_in_only_returns_to_local_pages(string returnUrl, string expectedLocation)
    {
        await using var factory = new PortalFactory();
        var ct = TestContext.Current.CancellationToken;
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await DevelopmentSignIn.SignInAsync(client, "avery", returnUrl, ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_demo_user_is_refused_with_a_clear_message_and_audited()
    {
        await using var factory = new PortalFactory();
        var ct = TestContext.Current.CancellationToken;
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await DevelopmentSignIn.SignInAsync(client, "mallory", "/", ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown demo user", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains(await EntriesAsync(factory, ct), e => e.Event.Action == AuditActions.SignInFailed);
    }

    [Fact]
    public async Task Sign_in_sign_out_and_a_refused_page_are_recorded_in_an_intact_hash_chain()
    {
        await using var factory = new PortalFactory();
        var ct = TestContext.Current.CancellationToken;
        using var client = await DevelopmentSignIn.ClientForAsync(factory, "dana", ct);

        var refused = await client.GetAsync(new Uri("/audit", UriKind.Relative), ct);
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        var token = DevelopmentSignIn.AntiforgeryToken(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var signOut = await client.PostAsync(new Uri("/account/signout", UriKind.Relative), form, ct);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var entries = await EntriesAsync(factory, ct);
        Assert.Equal([AuditActions.SignedIn, AuditActions.AccessDenied, AuditActions.SignedOut], entries.Select(e => e.Event.Action));
        Assert.All(entries, e => Assert.Equal("dana", e.Event.Actor));
        Assert.All(entries, e => Assert.Equal(["DataScientist"], e.Event.ActorRoles));
        Assert.Null(AuditChain.FindFirstBrokenLink(entries));
    }

    [Fact]
    public async Task On_postgres_concurrent_audit_writers_keep_one_intact_chain()
    {
        var connectionString = PostgresDatabase.NewConnectionString(out var skip);
        Assert.SkipWhen(connectionString is null, skip);
        await using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = connectionString,
        });
        var ct = TestContext.Current.CancellationToken;
        _ = factory.Server;
        try
        {
            // Two trails stand for two portal instances sharing the database.
            var trails = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<DatabaseAuditTrail>(factory.Services)).ToList();
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => trails[i % 2].AppendAsync(
                new AuditEvent("test.concurrent", $"user{i}", ["SecurityAuditor"], AuditOutcome.Succeeded,
                    Details: new Dictionary<string, string?> { ["i"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }), ct)));

            var entries = await EntriesAsync(factory, ct);
            Assert.Equal(40, entries.Count);
            Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), entries.Select(e => e.Sequence));
            Assert.Null(AuditChain.FindFirstBrokenLink(entries));
        }
        finally
        {
            await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
            await db.Database.EnsureDeletedAsync(ct);
        }
    }

    [Theory]
    [InlineData("http://localhost", false)]
    [InlineData("http://127.0.0.1", false)]
    [InlineData("https://portal.example.com", true)]
    public async Task The_session_cookie_is_http_only_same_site_lax_and_secure_outside_loopback(string baseAddress, bool secure)
    {
        await using var factory = new PortalFactory();
        var ct = TestContext.Current.CancellationToken;
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

        var response = await DevelopmentSignIn.SignInAsync(client, "pat", "/", ct);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_in_is_rate_limited_per_address()
    {
        await using var factory = new PortalFactory();
        var ct = TestContext.Current.CancellationToken;
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 22; i++)
        {
            statuses.Add((await DevelopmentSignIn.SignInAsync(client, "pat", "/", ct)).StatusCode);
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static async Task<List<AuditEntry>> EntriesAsync(PortalFactory factory, CancellationToken ct)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var records = await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync(ct);
        return records.Select(AuditRecordMapping.ToEntry).ToList();
    }
}
