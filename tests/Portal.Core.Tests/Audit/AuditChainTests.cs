using Portal.Core.Audit;

namespace Portal.Core.Tests.Audit;

public class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var e = new AuditEvent("auth.signed-in", $"user{i}", ["DataScientist"], AuditOutcome.Succeeded, "credit-risk",
                Details: new Dictionary<string, string?> { ["method"] = "development", ["note"] = null });
            var at = Start.AddMinutes(i);
            var hash = AuditChain.ComputeHash(i, at, e, previous);
            entries.Add(new AuditEntry(i, at, e, previous, hash));
            previous = hash;
        }

        return entries;
    }

    [Fact]
    public void An_intact_chain_has_no_broken_link()
    {
        Assert.Null(AuditChain.FindFirstBrokenLink(Chain(5)));
    }

    [Fact]
    public void Changing_an_event_breaks_the_chain_at_that_event()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Event = chain[2].Event with { Actor = "mallory" } };

        Assert.Equal(3, AuditChain.FindFirstBrokenLink(chain));
    }

    [Fact]
    public void Removing_an_event_is_found_where_the_gap_starts()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        Assert.Equal(2, AuditChain.FindFirstBrokenLink(chain));
    }

    [Fact]
    public void Recomputing_one_hash_after_a_change_still_breaks_the_next_link()
    {
        var chain = Chain(4);
        var forged = chain[1].Event with { Outcome = AuditOutcome.Denied };
        chain[1] = chain[1] with { Event = forged, Hash = AuditChain.ComputeHash(2, chain[1].OccurredAt, forged, chain[1].PreviousHash) };

        Assert.Equal(3, AuditChain.FindFirstBrokenLink(chain));
    }

    [Fact]
    public void Field_boundaries_are_unambiguous()
    {
        var a = new AuditEvent("x", "ab", [], AuditOutcome.Succeeded, Project: "c");
        var b = new AuditEvent("x", "a", [], AuditOutcome.Succeeded, Project: "bc");
        var nullTarget = new AuditEvent("x", "a", [], AuditOutcome.Succeeded, Target: null);
        var emptyTarget = new AuditEvent("x", "a", [], AuditOutcome.Succeeded, Target: string.Empty);

        Assert.NotEqual(AuditChain.ComputeHash(1, Start, a, AuditChain.Genesis), AuditChain.ComputeHash(1, Start, b, AuditChain.Genesis));
        Assert.NotEqual(AuditChain.ComputeHash(1, Start, nullTarget, AuditChain.Genesis), AuditChain.ComputeHash(1, Start, emptyTarget, AuditChain.Genesis));
    }
}
