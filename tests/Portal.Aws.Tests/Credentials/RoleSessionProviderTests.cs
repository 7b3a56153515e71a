using Microsoft.Extensions.DependencyInjection;
using Portal.Aws.Credentials;
using Portal.Aws.Tests.Fakes;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Aws.Tests.Credentials;

/// <summary>Persona-role sessions: assumed per (role, user) with the login as source identity, reused until five minutes before expiry.</summary>
public sealed class RoleSessionProviderTests : IDisposable
{
    private const string AdminRole = "arn:aws:iam::000000000000:role/ds-admin-role-p1-dev";
    private const string UserRole = "arn:aws:iam::000000000000:role/ds-user-role-p1-dev";

    private readonly List<AwsTestHost> _hosts = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _hosts.ForEach(h => h.Dispose());

    [Fact]
    public async Task A_user_role_session_is_assumed_once_with_the_login_as_source_identity_and_the_session_tags()
    {
        var (provider, sts, _) = Create();
        var alice = User(UserRole, "alice@example.com", new ResourceTag("project", "p1"));

        var first = await provider.GetSessionAsync(alice, Ct);
        var second = await provider.GetSessionAsync(alice, Ct);

        Assert.Equal(first.Value, second.Value);
        var call = Assert.Single(sts.Calls);
        Assert.Equal(UserRole, call.RoleArn);
        Assert.Equal("alice@example.com", call.SourceIdentity);
        Assert.Equal("portal-alice@example.com", call.SessionName);
        Assert.Equal([new ResourceTag("project", "p1")], call.Tags);
        Assert.Equal(3600, call.DurationSeconds);
        Assert.Equal("alice@example.com", first.Value.SourceIdentity);
    }

    [Fact]
    public async Task Sessions_are_kept_apart_per_role_and_per_user()
    {
        var (provider, sts, _) = Create();

        await provider.GetSessionAsync(User(UserRole, "alice"), Ct);
        await provider.GetSessionAsync(User(UserRole, "bob"), Ct);
        await provider.GetSessionAsync(User(AdminRole, "alice"), Ct);
        await provider.GetSessionAsync(User(UserRole, "alice"), Ct);

        Assert.Equal(3, sts.Calls.Count);
    }

    [Fact]
    public async Task A_session_is_renewed_once_it_is_within_five_minutes_of_expiry()
    {
        var (provider, sts, clock) = Create();
        var alice = User(UserRole, "alice");
        var first = await provider.GetCredentialsAsync(alice, Ct);

        clock.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await provider.GetCredentialsAsync(alice, Ct);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var renewed = await provider.GetCredentialsAsync(alice, Ct);

        Assert.Same(first.Value, stillCached.Value);
        Assert.NotSame(first.Value, renewed.Value);
        Assert.Equal(2, sts.Calls.Count);
        Assert.Equal("ASIA0002", (await renewed.Value.GetCredentialsAsync()).AccessKey);
    }

    [Fact]
    public async Task A_refused_assume_role_is_reported_and_not_cached()
    {
        var (provider, sts, _) = Create();
        sts.FailWith = Error.Denied("AccessDenied", "not allowed to assume");
        var alice = User(UserRole, "alice");

        var refused = await provider.GetSessionAsync(alice, Ct);
        sts.FailWith = null;
        var allowed = await provider.GetSessionAsync(alice, Ct);

        Assert.Equal(ErrorKind.Denied, refused.Error!.Kind);
        Assert.True(allowed.IsSuccess);
        Assert.Equal(2, sts.Calls.Count);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_user_share_a_single_assume_role()
    {
        var (provider, sts, _) = Create();
        var alice = User(UserRole, "alice");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetSessionAsync(alice, Ct)));

        Assert.Single(sts.Calls);
    }

    [Fact]
    public async Task The_portals_own_identity_uses_the_portal_credentials_without_assuming_a_role()
    {
        var (provider, sts, _) = Create();

        var credentials = await provider.GetCredentialsAsync(ActingIdentity.Portal, Ct);

        Assert.Equal("test", (await credentials.Value.GetCredentialsAsync()).AccessKey);
        Assert.Empty(sts.Calls);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("alice smith")]
    [InlineData("alice/../x")]
    public void Logins_the_cloud_cannot_record_as_source_identity_are_refused(string login)
    {
        var identity = ActingIdentity.ForUser(UserRole, login);

        Assert.Equal("InvalidSourceIdentity", identity.Error!.Code);
    }

    [Fact]
    public void Long_logins_are_cut_to_the_64_character_session_name_limit()
    {
        var name = StsRoleSessionProvider.SessionName(new string('a', 64));

        Assert.Equal(64, name.Length);
        Assert.StartsWith("portal-", name, StringComparison.Ordinal);
    }

    private static ActingIdentity User(string role, string login, params ResourceTag[] tags) => ActingIdentity.ForUser(role, login, tags).Value;

    private (StsRoleSessionProvider Provider, FakeStsClient Sts, TickingTimeProvider Clock) Create()
    {
        var clock = new TickingTimeProvider(AwsTestHost.Start);
        var sts = new FakeStsClient(clock, TimeSpan.FromHours(1));
        var host = AwsTestHost.Create(time: clock, configure: s => s.AddSingleton<IStsClient>(sts));
        _hosts.Add(host);
        return (host.Get<StsRoleSessionProvider>(), sts, clock);
    }
}
