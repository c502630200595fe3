using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Tests.Support;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Packets;

/// <summary>The packet built from a real journey, and its published JSON schema.</summary>
public sealed class HandoffPacketTests
{
    private static readonly HandoffTexts Texts = new();

    [Fact]
    public async Task Build_AfterAJourney_CarriesWhatTheCustomerAndTheBotSaid()
    {
        await using var harness = await HandoffHarness.StartAsync();
        var jane = new TestCustomer("jane", Phone: "+15551234567");
        await harness.Customer(ChannelProfiles.Sms, jane)
            .Send("where is my order #12345? I paid $120 for it").ExpectReply("Answer: where is my order #12345? I paid $120 for it")
            .Send("?is it lost").ExpectReply(QaDialog.Declined)
            .RunAsync();
        await harness.Customer(ChannelProfiles.WhatsApp, jane)
            .Send("agent").ExpectHandoff().ExpectReply(Texts.Queued)
            .RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();

        var packet = (await harness.Desk.GetAsync(ticket.Id, default))!.Packet;

        Assert.Equal(HandoffPacket.CurrentSchemaVersion, packet.SchemaVersion);
        Assert.Contains("phone:+15551234567", packet.Customer.Identities);
        Assert.Equal(["whatsapp", "sms"], packet.Channels.Select(c => c.Channel));
        Assert.True(packet.Channels[0].Current);
        Assert.True(packet.Channels[0].ReplyWindowOpen);
        Assert.Contains(packet.Entities, e => e is { Kind: "order_number" } && e.Value.Contains("12345", StringComparison.Ordinal));
        Assert.Contains(packet.Entities, e => e.Kind == "amount");
        Assert.Equal("shipping-times", packet.Intent?.Name);
        Assert.Equal([true, false], packet.BotAnswers.Select(a => a.Answered));
        Assert.Equal("shipping-times", packet.BotAnswers[0].Sources[0].ArticleId);
        Assert.Equal("The customer asked for a person.", packet.Routing.Reason);
        Assert.NotNull(packet.Routing.Rule);
        Assert.Equal(["customer", "bot", "customer", "bot", "customer", "bot"], packet.Transcript.Select(m => m.From));
        Assert.Equal(["sms", "sms", "sms", "sms", "whatsapp", "whatsapp"], packet.Transcript.Select(m => m.Channel));
        Assert.Contains("12345", packet.Summary, StringComparison.Ordinal);
        Assert.Equal(3, packet.Sentiment.Points.Count);
    }

    [Fact]
    public async Task Build_CustomerOnTwoChannels_AgentsSeeWhoTheyAreNotAConversationId()
    {
        await using var harness = await HandoffHarness.StartAsync();
        var jane = new TestCustomer("jane", Phone: "+15551234567");
        await harness.Customer(ChannelProfiles.Sms, jane)
            .Send("where is my order").ExpectReply("Answer: where is my order")
            .RunAsync();
        await BotIdle.WaitAsync(harness.Bot.Services);
        harness.Bot.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.Customer(ChannelProfiles.WhatsApp, jane)
            .Send("agent").ExpectHandoff().ExpectReply(Texts.Queued)
            .RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();

        var detail = (await harness.Desk.GetAsync(ticket.Id, default))!;
        var queued = Assert.Single(await harness.Desk.ListOpenAsync(default));

        // No channel gave a name: the verified number stands for the customer, with how it was verified.
        Assert.Equal("+15551234567", detail.Packet.Customer.DisplayName);
        var phone = Assert.Single(detail.Packet.Customer.VerifiedIdentities, i => i.Kind == "phone");
        Assert.Equal(("phone:+15551234567", "+15551234567", "provider-phone", "sms"), (phone.Key, phone.Value, phone.Provenance, phone.VouchedBy));
        Assert.Equal("phone", detail.Packet.Customer.VerifiedIdentities[0].Kind);
        Assert.Equal(["whatsapp", "sms"], detail.Packet.Customer.ChannelsUsed);
        Assert.Equal("+15551234567", queued.Customer);
        Assert.Equal(["+15551234567"], queued.VerifiedContacts);
        Assert.Equal(["whatsapp", "sms"], queued.Channels);
        Assert.Equal(queued.Customer, detail.Ticket.Customer);
        Assert.Equal(queued.VerifiedContacts, detail.Ticket.VerifiedContacts);
    }

    [Fact]
    public async Task Build_AnonymousWebChatVisitor_IsACustomerOnWebChat_NeverTheirVisitorId()
    {
        await using var harness = await HandoffHarness.StartAsync();
        await harness.Customer(ChannelProfiles.WebChat, new TestCustomer("dl_002ea224"))
            .Send("agent").ExpectHandoff().ExpectReply(Texts.Queued)
            .RunAsync();

        var queued = Assert.Single(await harness.Desk.ListOpenAsync(default));
        var packet = (await harness.Desk.GetAsync(queued.Id, default))!.Packet;

        Assert.Equal("Customer on web chat", queued.Customer);
        Assert.Empty(queued.VerifiedContacts);
        Assert.Equal("Customer on web chat", packet.Customer.DisplayName);
        Assert.Equal(["webchat"], packet.Customer.ChannelsUsed);
        Assert.Equal("channel-address", Assert.Single(packet.Customer.VerifiedIdentities).Provenance);
    }

    [Fact]
    public async Task Serialize_BuiltPacket_ValidatesAgainstThePublishedSchema()
    {
        await using var harness = await HandoffHarness.StartAsync();
        await harness.Customer(ChannelProfiles.WebChat, new TestCustomer("jane", Email: "jane@example.com"))
            .Send("order 12345 never arrived, email me at jane@example.com").ExpectReply("Answer: order 12345 never arrived, email me at jane@example.com")
            .Send("agent").ExpectHandoff().ExpectReply(Texts.Queued)
            .RunAsync();
        var packet = (await harness.Desk.GetAsync((await harness.OnlyOpenTicketAsync()).Id, default))!.Packet;
        var schema = await JsonSchema.FromFileAsync(RepoPaths.PacketSchema);

        var json = HandoffPacketJson.Serialize(packet);
        var errors = schema.Validate(json);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")) + "\n" + json);
        Assert.Equal(packet, HandoffPacketJson.Deserialize(json), PacketComparer.Instance);
    }

    [Theory]
    [InlineData("routing.priority", "\"someday\"")]
    [InlineData("schemaVersion", "\"2.0\"")]
    [InlineData("customer.identities", "[\"no-colon\"]")]
    [InlineData("sentiment.trend", "\"angry\"")]
    [InlineData("handoffId", "null")]
    public async Task Validate_BrokenPacket_IsRejectedBySchema(string path, string replacement)
    {
        var schema = await JsonSchema.FromFileAsync(RepoPaths.PacketSchema);
        var node = JsonNode.Parse(HandoffPacketJson.Serialize(MinimalPacket()))!;
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(node, (n, p) => n[p]!);
        parent[parts[^1]] = JsonNode.Parse(replacement);

        Assert.NotEmpty(schema.Validate(node.ToJsonString()));
    }

    [Fact]
    public async Task Validate_MinimalPacket_IsAccepted()
    {
        var schema = await JsonSchema.FromFileAsync(RepoPaths.PacketSchema);

        Assert.Empty(schema.Validate(HandoffPacketJson.Serialize(MinimalPacket())));
    }

    [Fact]
    public async Task Schema_EveryPropertyOfThePacketRecords_IsDescribedAndRequired()
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(RepoPaths.PacketSchema));
        var root = document.RootElement;
        var definitions = root.GetProperty("definitions");
        var described = new Dictionary<Type, JsonElement>
        {
            [typeof(HandoffPacket)] = root,
            [typeof(PacketCustomer)] = definitions.GetProperty("customer"),
            [typeof(PacketIdentity)] = definitions.GetProperty("identity"),
            [typeof(PacketChannel)] = definitions.GetProperty("channel"),
            [typeof(PacketRouting)] = definitions.GetProperty("routing"),
            [typeof(PacketIntent)] = definitions.GetProperty("intent"),
            [typeof(PacketEntity)] = definitions.GetProperty("entity"),
            [typeof(PacketSentiment)] = definitions.GetProperty("sentiment"),
            [typeof(PacketSentimentPoint)] = definitions.GetProperty("sentiment").GetProperty("properties").GetProperty("points").GetProperty("items"),
            [typeof(PacketAnswer)] = definitions.GetProperty("answer"),
            [typeof(AnswerSource)] = definitions.GetProperty("answer").GetProperty("properties").GetProperty("sources").GetProperty("items"),
            [typeof(PacketDialogPosition)] = definitions.GetProperty("dialogPosition"),
            [typeof(PacketMessage)] = definitions.GetProperty("message"),
            [typeof(DeliveryState)] = definitions.GetProperty("delivery"),
        };

        foreach (var (type, schema) in described)
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order().ToList();
            var inSchema = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
            var required = schema.GetProperty("required").EnumerateArray().Select(p => p.GetString()!).Order().ToList();
            Assert.True(properties.SequenceEqual(inSchema), $"{type.Name}: record has [{string.Join(", ", properties)}], schema has [{string.Join(", ", inSchema)}]");
            Assert.True(properties.SequenceEqual(required), $"{type.Name}: every property is always written, so all are required; schema requires [{string.Join(", ", required)}]");
        }
    }

    internal static HandoffPacket MinimalPacket() => new()
    {
        HandoffId = "1",
        CreatedAt = new DateTimeOffset(2026, 3, 18, 10, 0, 0, TimeSpan.Zero),
        Customer = new PacketCustomer { Id = "c1", DisplayName = "Customer on web chat", Identities = ["webchat:u1"] },
        Channels = [],
        Routing = new PacketRouting { Reason = "The customer asked for a person.", Queue = "general", Priority = HandoffPriority.Normal },
        Entities = [],
        Sentiment = new PacketSentiment { Trend = SentimentTrend.Steady, Points = [] },
        BotAnswers = [],
        Summary = "",
        Transcript = [],
    };

    /// <summary>Records with lists compare by reference; compare packets by their JSON instead.</summary>
    private sealed class PacketComparer : IEqualityComparer<HandoffPacket>
    {
        public static readonly PacketComparer Instance = new();

        public bool Equals(HandoffPacket? x, HandoffPacket? y) =>
            HandoffPacketJson.Serialize(x!) == HandoffPacketJson.Serialize(y!);

        public int GetHashCode(HandoffPacket obj) => HandoffPacketJson.Serialize(obj).GetHashCode(StringComparison.Ordinal);
    }
}
