using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;
using Omnichannel.Bots.Delivery;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Handoff.Tests.Support;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Flow;

/// <summary>What agents see of the provider's delivery reports: each bot and agent message with how far it got.</summary>
public sealed class DeliveryStatusFlowTests
{
    private static readonly HandoffTexts Texts = new();

    [Fact]
    public async Task Detail_ProviderReportedOnTheBotsReplies_AgentTranscriptAndPacketShowEachStatus()
    {
        await using var harness = await HandoffHarness.StartAsync();
        var jane = new TestCustomer("jane", Phone: "+15551234567");
        await harness.Customer(ChannelProfiles.Sms, jane)
            .Send("where is my order #12345?").ExpectReply("Answer: where is my order #12345?")
            .Send("agent").ExpectHandoff().ExpectReply(Texts.Queued)
            .RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await Eventually.UntilAsync(
            async () => (await harness.Bot.Transcripts.GetByCustomerAsync(ticket.CustomerId, default)).All(e => e.Direction == MessageDirection.Inbound || e.Delivery is not null),
            "both replies to be marked sent");
        var reports = harness.Bot.Services.GetRequiredService<IDeliveryReports>();
        var at = harness.Bot.Time.GetUtcNow();

        // The recording SMS channel gives its sends the provider ids sms-sent-1, sms-sent-2, ... in order.
        Assert.True(await reports.RecordAsync(new DeliveryReport(ChannelId.Sms, "sms-sent-1", DeliveryStatus.Delivered, at), default));
        Assert.True(await reports.RecordAsync(
            new DeliveryReport(ChannelId.Sms, "sms-sent-2", DeliveryStatus.Failed, at) { ErrorCode = "30003", ErrorMessage = "Unreachable destination handset" },
            default));
        var detail = (await harness.Desk.GetAsync(ticket.Id, default))!;

        var bot = detail.Transcript.Where(m => m.From == PacketTranscript.Bot).ToList();
        Assert.Equal(["Answer: where is my order #12345?", Texts.Queued], bot.Select(m => m.Text));
        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.Failed], bot.Select(m => m.Delivery?.Status));
        Assert.Equal(("30003", "Unreachable destination handset"), (bot[1].Delivery!.ErrorCode, bot[1].Delivery!.ErrorMessage));
        Assert.All(detail.Transcript.Where(m => m.From == PacketTranscript.Customer), m => Assert.Null(m.Delivery));
        Assert.Contains(detail.Packet.Transcript, m => m.Delivery?.Status == DeliveryStatus.Delivered);
        var schema = await JsonSchema.FromFileAsync(RepoPaths.PacketSchema);
        Assert.Empty(schema.Validate(HandoffPacketJson.Serialize(detail.Packet)));
    }
}
