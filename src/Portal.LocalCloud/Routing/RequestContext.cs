using Portal.LocalCloud.Auth;
using Portal.LocalCloud.Clock;
using Portal.LocalCloud.State;

namespace Portal.LocalCloud.Routing;

/// <summary>What a handler knows about the request it serves: caller, region, time and the state.</summary>
public sealed class RequestContext
{
    public required CallerIdentity Caller { get; init; }

    /// <summary>The region of the credential scope (any region is accepted).</summary>
    public required string Region { get; init; }

    public required string RequestId { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required CloudState State { get; init; }

    public required LifecycleClock Clock { get; init; }

    /// <summary>The base URL the request came in on, e.g. <c>http://127.0.0.1:4566</c>.</summary>
    public required string Endpoint { get; init; }

    /// <summary>True when a read operation changed state (e.g. a lifecycle outcome was applied) and must be persisted.</summary>
    public bool Changed { get; private set; }

    public string AccountId => Caller.AccountId;

    public void MarkChanged() => Changed = true;

    public AccountState Account => State.Account(Caller.AccountId);

    public RegionState RegionState => Account.Region(Region);
}
