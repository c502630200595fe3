using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NJsonSchema;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Tests.Support;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Webhook;

/// <summary>The outbound webhook against a receiver on loopback: signed, retried after a failure, the packet valid.</summary>
public sealed class HandoffWebhookSenderTests
{
    private const string Secret = "test-webhook-secret-0123456789ab";

    [Fact]
    public async Task Escalation_ReceiverFailsOnce_PacketIsRetriedSignedAndValid()
    {
        await using var receiver = await Receiver.StartAsync(500, 200);
        await using var harness = await HandoffHarness.StartAsync(configure: o =>
        {
            o.Webhook.Url = receiver.Url;
            o.Webhook.Secret = Secret;
        });
        await harness.Customer()
            .Send("my order #12345 is missing").ExpectReply("Answer: my order #12345 is missing")
            .Send("agent").ExpectHandoff().ExpectReply(new HandoffTexts().Queued)
            .RunAsync();

        await Eventually.UntilAsync(() => !receiver.Requests.IsEmpty, "the first delivery attempt");
        // The retry is due 5 s later on the bot's clock; move it on until the sender has waited and tried again.
        await Eventually.UntilAsync(
            () =>
            {
                harness.Bot.Time.Advance(TimeSpan.FromSeconds(10));
                return receiver.Requests.Count >= 2;
            },
            "the retry after the receiver's 500");

        var requests = receiver.Requests.ToArray();
        var ticket = await harness.OnlyOpenTicketAsync();
        var schema = await JsonSchema.FromFileAsync(RepoPaths.PacketSchema);
        foreach (var request in requests)
        {
            Assert.Equal(ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers[HandoffWebhookSignature.DeliveryHeader]);
            Assert.Equal(HandoffWebhookSignature.HandoffCreatedEvent, request.Headers[HandoffWebhookSignature.EventHeader]);
            Assert.True(HandoffWebhookSignature.Verify(
                Secret,
                request.Headers[HandoffWebhookSignature.TimestampHeader],
                request.Headers[HandoffWebhookSignature.DeliveryHeader],
                request.Headers[HandoffWebhookSignature.SignatureHeader],
                request.Body,
                harness.Bot.Time.GetUtcNow(),
                TimeSpan.FromMinutes(5)));
            Assert.Empty(schema.Validate(Encoding.UTF8.GetString(request.Body)));
        }

        var packet = HandoffPacketJson.Deserialize(Encoding.UTF8.GetString(requests[^1].Body));
        Assert.Contains(packet.Entities, e => e.Kind == "order_number");

        // Nothing more is coming once the store has the delivery recorded (a delivered webhook is never due again);
        // the single sender loop recorded it after the receiver's 200, so no other attempt can be in flight.
        await Eventually.UntilAsync(async () => (await harness.OnlyOpenTicketAsync()).WebhookAttempts == 2, "the delivery to be recorded");
        Assert.DoesNotContain(
            await harness.Store.LoadWebhookDueAsync(DateTimeOffset.MaxValue, 100, CancellationToken.None), t => t.Id == ticket.Id);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task Delivery_DeliveryHeaderChanged_FailsTheDocumentedVerification()
    {
        await using var receiver = await Receiver.StartAsync(200);
        await using var harness = await HandoffHarness.StartAsync(configure: o =>
        {
            o.Webhook.Url = receiver.Url;
            o.Webhook.Secret = Secret;
        });
        await harness.Customer().Send("agent").ExpectHandoff().ExpectReply(new HandoffTexts().Queued).RunAsync();
        await Eventually.UntilAsync(() => !receiver.Requests.IsEmpty, "the delivery");

        var request = receiver.Requests.ToArray()[0];
        var timestamp = request.Headers[HandoffWebhookSignature.TimestampHeader];
        var delivery = request.Headers[HandoffWebhookSignature.DeliveryHeader]!;
        var signature = request.Headers[HandoffWebhookSignature.SignatureHeader];
        var replayedAs = (long.Parse(delivery, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // The receiver's recipe from the README, in any language, over the headers as received.
        Assert.Equal(HandoffWebhookSignatureTests.DocumentedRecipe(Secret, timestamp, delivery, request.Body), signature);
        Assert.NotEqual(HandoffWebhookSignatureTests.DocumentedRecipe(Secret, timestamp, replayedAs, request.Body), signature);
    }

    [Fact]
    public async Task SendDue_NoWebhookConfigured_SendsNothing()
    {
        var sent = new ConcurrentQueue<HttpRequestMessage>();
        await using var harness = await HandoffHarness.StartAsync(services: s => s
            .AddHttpClient(HandoffWebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new RecordingHandler(sent)));
        await harness.Customer().Send("agent").ExpectHandoff().ExpectReply(new HandoffTexts().Queued).RunAsync();
        var sender = harness.Bot.Services.GetRequiredService<HandoffWebhookSender>();

        var delivered = await sender.SendDueAsync(CancellationToken.None);

        Assert.False(sender.Enabled);
        Assert.Equal(0, delivered);
        Assert.Empty(sent);
        Assert.Equal(0, (await harness.OnlyOpenTicketAsync()).WebhookAttempts);
    }

    [Theory]
    [InlineData("http://example.com/hook", null, "Handoff:Webhook:Secret is required")]
    [InlineData("http://example.com/hook", "short", "at least 16 characters")]
    [InlineData("ftp://example.com/hook", "long-enough-secret-123", "must be an absolute http or https URL")]
    [InlineData("http://example.com/hook", "long-enough-secret-123", "Handoff:Webhook:Url 'http://example.com/hook' must use https")]
    [InlineData("http://10.0.0.5/hook", "long-enough-secret-123", "Handoff:Webhook:Url 'http://10.0.0.5/hook' must use https")]
    public async Task Start_BadWebhookSettings_FailsNamingTheSetting(string url, string? secret, string expected)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => HandoffHarness.StartAsync(configure: o =>
        {
            o.Webhook.Url = new Uri(url);
            o.Webhook.Secret = secret;
        }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost:9/hook")]
    [InlineData("http://[::1]:9/hook")]
    [InlineData("https://example.com/hook")]
    public async Task Start_HttpsOrLoopbackHttpUrl_Starts(string url)
    {
        await using var harness = await HandoffHarness.StartAsync(configure: o =>
        {
            o.Webhook.Url = new Uri(url);
            o.Webhook.Secret = Secret;
        });

        Assert.True(harness.Bot.Services.GetRequiredService<HandoffWebhookSender>().Enabled);
    }

    /// <summary>The webhook client's network end: records every request it is asked to send and answers 200.</summary>
    private sealed class RecordingHandler(ConcurrentQueue<HttpRequestMessage> sent) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Enqueue(request);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }

    private sealed record ReceivedRequest(Dictionary<string, string?> Headers, byte[] Body);

    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<int> _statuses;

        private Receiver(WebApplication app, ConcurrentQueue<int> statuses)
        {
            _app = app;
            _statuses = statuses;
        }

        public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

        public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook");

        public static async Task<Receiver> StartAsync(params int[] statuses)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new Receiver(app, new ConcurrentQueue<int>(statuses));
            app.MapPost("/hook", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                receiver.Requests.Enqueue(new ReceivedRequest(
                    context.Request.Headers.ToDictionary(h => h.Key, h => (string?)h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                    body.ToArray()));
                return Results.StatusCode(receiver._statuses.TryDequeue(out var status) ? status : 200);
            });
            await app.StartAsync();
            return receiver;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
