namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>The account and Region a stack lives in; the source of most pseudo parameters.</summary>
public sealed record StackEnvironment(string AccountId, string Region, string Partition = "aws", string UrlSuffix = "amazonaws.com")
{
    /// <summary>What <c>Fn::GetAZs</c> returns; defaults to zones a, b and c of the Region.</summary>
    public IReadOnlyList<string>? AvailabilityZones { get; init; }

    public IReadOnlyList<string> ZonesOf(string region) =>
        region == Region && AvailabilityZones is { } zones ? zones : [region + "a", region + "b", region + "c"];
}
