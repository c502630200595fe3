using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Workspace;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

public sealed class AgentPresenceTests
{
    private static readonly AgentIdentity Alice = new("alice", "Alice", []);
    private static readonly AgentIdentity Bob = new("bob", "Bob", ["billing"]);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 18, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Present_RecentRequest_PresentForTwoMinutes()
    {
        var presence = new AgentPresence(_time);
        presence.Seen(Alice);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal([Alice], presence.Present(null));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(presence.Present(null));
    }

    [Fact]
    public void Present_OpenConnection_PresentUntilDisconnected()
    {
        var presence = new AgentPresence(_time);
        presence.Connected(Bob);
        presence.Connected(Bob);

        _time.Advance(TimeSpan.FromHours(1));
        presence.Disconnected(Bob);
        Assert.Equal([Bob], presence.Present("billing"));
        presence.Disconnected(Bob);
        Assert.Empty(presence.Present("billing"));
    }

    [Fact]
    public void Present_ByQueue_OnlyAgentsWhoWorkIt()
    {
        var presence = new AgentPresence(_time);
        presence.Seen(Alice);
        presence.Seen(Bob);

        Assert.Equal(["alice", "bob"], presence.Present("BILLING").Select(a => a.Id));
        Assert.Equal(["alice"], presence.Present("general").Select(a => a.Id));
    }

    [Fact]
    public void SignedOut_EndsRecentActivityAtOnce()
    {
        var presence = new AgentPresence(_time);
        presence.Seen(Alice);

        presence.SignedOut("ALICE");

        Assert.Empty(presence.Present(null));
    }
}
