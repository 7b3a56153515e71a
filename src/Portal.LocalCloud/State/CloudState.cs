using Portal.LocalCloud.S3;
using Portal.LocalCloud.Sts;

namespace Portal.LocalCloud.State;

/// <summary>
/// Everything LocalCloud knows, as one serialisable tree: accounts (IAM + regions), S3 (one global
/// bucket namespace, like AWS) and the temporary credentials STS has issued.
/// </summary>
public sealed class CloudState
{
    public Dictionary<string, AccountState> Accounts { get; set; } = [];

    public S3Store S3 { get; set; } = new();

    /// <summary>Temporary credentials by access key id.</summary>
    public Dictionary<string, StsSession> Sessions { get; set; } = [];

    public AccountState Account(string accountId)
    {
        if (!Accounts.TryGetValue(accountId, out var state))
        {
            state = new AccountState();
            Accounts[accountId] = state;
        }

        return state;
    }

    public void RemoveExpiredSessions(DateTimeOffset now)
    {
        foreach (var key in Sessions.Where(s => s.Value.Expiration < now).Select(s => s.Key).ToList())
        {
            Sessions.Remove(key);
        }
    }
}
