using Portal.LocalCloud.Iam;

namespace Portal.LocalCloud.State;

/// <summary>The state of one account: global IAM plus one <see cref="RegionState"/> per region.</summary>
public sealed class AccountState
{
    public IamStore Iam { get; set; } = new();

    public Dictionary<string, RegionState> Regions { get; set; } = [];

    public RegionState Region(string region)
    {
        if (!Regions.TryGetValue(region, out var state))
        {
            state = new RegionState();
            Regions[region] = state;
        }

        return state;
    }
}
