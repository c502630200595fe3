using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Handoff.Tests.Support;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Flow;

/// <summary>Limits:HandoffsPerCustomer, enforced where the router decides: past it no new ticket reaches a queue.</summary>
public sealed class HandoffLimitTests
{
    private static readonly HandoffTexts Texts = new();

    private static void OnePerDay(IServiceCollection services)
    {
        services.Configure<LimitsOptions>(o => o.HandoffsPerCustomer = new RateLimit(1, TimeSpan.FromDays(1)));
        services.Configure<Desk.AgentsOptions>(o => o.ReplyTimeout = TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task Send_AskAgainPastTheLimit_NoNewTicketAndTheCustomerIsToldWhenTheyMayAskAgain()
    {
        await using var harness = await HandoffHarness.StartAsync(services: OnePerDay);
        var customer = harness.Customer();
        await customer.Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);
        Assert.True((await harness.Desk.ReturnToBotAsync(ticket.Id, HandoffHarness.Alice, default)).Succeeded);
        var retry = ticket.QueuedAt + TimeSpan.FromDays(1);

        await customer
            .Send("agent").ExpectReply(m => Assert.Equal(Texts.HandoffLimitReached.Replace("{retry}", $"{retry:dddd HH:mm} (UTC)", StringComparison.Ordinal), m.Text))
            .Send("where is my parcel").ExpectReply("Answer: where is my parcel")
            .AllowMoreReplies()
            .RunAsync();

        Assert.Empty(await harness.Store.ListOpenAsync(default));
        var all = await harness.Store.ListForCustomerSinceAsync(ticket.CustomerId, DateTimeOffset.MinValue, default);
        Assert.Equal([ticket.Id], all.Select(t => t.Id));
    }

    [Fact]
    public async Task Send_AskAgainAfterTheWindow_OpensANewTicket()
    {
        await using var harness = await HandoffHarness.StartAsync(services: OnePerDay);
        var customer = harness.Customer();
        await customer.Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);
        await harness.Desk.ReturnToBotAsync(ticket.Id, HandoffHarness.Alice, default);

        harness.Bot.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await customer.Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).AllowMoreReplies().RunAsync();

        var open = await harness.OnlyOpenTicketAsync();
        Assert.NotEqual(ticket.Id, open.Id);
    }
}
