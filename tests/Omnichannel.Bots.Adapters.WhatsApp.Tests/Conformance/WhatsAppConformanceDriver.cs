using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.Conformance;
using Omnichannel.Bots.Adapters.Meta.Testing;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>
/// Drives WhatsApp for the conformance suite on a real host (<see cref="WhatsAppTestHost"/> with the suite's dialog and
/// clock) whose Graph API is a <see cref="FakeGraphApi"/>. Each customer key is a <c>wa_id</c> of its own and each
/// provider message key a <c>wamid</c> of its own; deliveries are Meta's signed webhook bodies (a text, or an
/// interactive <c>button_reply</c>/<c>list_reply</c> for a press), and what a customer received is read back from the
/// message sends the stand-in recorded for their number (text, or an interactive body with its buttons or list rows;
/// read receipts are not messages). Meta's refusals carry no Retry-After, so those two cases do not apply
/// (<see cref="AdapterTraits.ProviderSendsRetryAfter"/>).
/// </summary>
public sealed class WhatsAppConformanceDriver : IProviderDriver
{
    private const string WrongSecret = "not-the-app-secret";

    private readonly FakeGraphApi _api;
    private readonly WhatsAppTestHost _host;
    private readonly ConcurrentDictionary<string, string> _numbers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _wamids = new(StringComparer.Ordinal);
    private int _lastNumber;
    private int _lastWamid;

    private WhatsAppConformanceDriver(FakeGraphApi api, WhatsAppTestHost host)
    {
        _api = api;
        _host = host;
    }

    /// <summary>X-Hub-Signature-256 (401 without a valid one), bodies up to Meta's 3 MB, no Retry-After from the Graph API.</summary>
    public static AdapterTraits Traits { get; } = new()
    {
        Profile = ChannelProfiles.WhatsApp,
        Authentication = RequestAuthentication.Signature,
        MaxBodyBytes = new WhatsAppOptions().MaxBodyBytes,
        ProviderSendsRetryAfter = false,
    };

    public IServiceProvider Services => _host.Services;

    public static async Task<WhatsAppConformanceDriver> StartAsync(ConformanceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var api = await FakeGraphApi.StartAsync(WhatsAppTestHost.AccessToken);
        try
        {
            var host = await WhatsAppTestHost.StartAsync(api, configureServices: services => services.AddSingleton<TimeProvider>(setup.Clock), dialogs: setup.AddTo);
            return new WhatsAppConformanceDriver(api, host);
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public async Task<HttpStatusCode> DeliverAsync(InboundDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var from = Number(delivery.Customer);
        JsonObject message = delivery.Press is { } press
            ? new()
            {
                ["type"] = "interactive",
                ["interactive"] = new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = press.Payload, ["title"] = press.Title } },
            }
            : new() { ["type"] = "text", ["text"] = new JsonObject { ["body"] = delivery.Text ?? string.Empty } };
        message["from"] = from;
        message["id"] = Wamid(delivery.ProviderMessageId);
        message["timestamp"] = "1773828000";
        var body = WhatsAppFixtures.Batch(WhatsAppFixtures.Entry(from, message));
        var secret = delivery.Credential switch
        {
            Credential.Valid => WhatsAppTestHost.AppSecret,
            Credential.Wrong => WrongSecret,
            _ => null,
        };
        using var response = await _host.PostAsync(body, secret);
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> PostRawAsync(ReadOnlyMemory<byte> body)
    {
        using var response = await _host.PostAsync(body.ToArray());
        return response.StatusCode;
    }

    public Task<IReadOnlyList<OutboundMessage>> ReadOutboundAsync(string customer) =>
        Task.FromResult<IReadOnlyList<OutboundMessage>>(
            _numbers.TryGetValue(customer, out var number)
                ? [.. _api.SendsTo(number).Where(WebhookTests.IsMessage).Select(Normalize)]
                : []);

    /// <summary>The stand-in refuses the next message in Meta's error shape: 429 as an app rate limit (80007), 5xx as Meta's unknown error (1), others as an invalid parameter (100).</summary>
    public void AnswerNextSend(ProviderAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var code = answer.StatusCode switch
        {
            429 => 80007,
            >= 500 => 1,
            _ => 100,
        };
        _api.FailNextMessage(new GraphApiFailure(answer.StatusCode, code, $"Error {answer.StatusCode}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    private static OutboundMessage Normalize(GraphApiRequest send)
    {
        var text = send["text.body"] ?? send["interactive.body.text"] ?? string.Empty;
        var interactive = send.Body?["interactive"];
        IEnumerable<OutboundButton> buttons = send["interactive.type"] switch
        {
            "button" => interactive!["action"]!["buttons"]!.AsArray().Select(b => new OutboundButton(b!["reply"]!["title"]!.GetValue<string>(), b["reply"]!["id"]!.GetValue<string>())),
            "list" => interactive!["action"]!["sections"]![0]!["rows"]!.AsArray().Select(r => new OutboundButton(r!["title"]!.GetValue<string>(), r["id"]!.GetValue<string>())),
            _ => [],
        };
        return new OutboundMessage(text, [.. buttons], text.Length) { IsList = send["interactive.type"] == "list" };
    }

    /// <summary>A US number of the 555-01xx range per customer, as a <c>wa_id</c> (no '+').</summary>
    private string Number(string customer) =>
        _numbers.GetOrAdd(customer, _ => "1201555" + (100 + Interlocked.Increment(ref _lastNumber)).ToString("D4", CultureInfo.InvariantCulture)[^4..]);

    private string Wamid(string? providerMessageId) =>
        providerMessageId is null
            ? "wamid.CONF" + Interlocked.Increment(ref _lastWamid).ToString(CultureInfo.InvariantCulture)
            : _wamids.GetOrAdd(providerMessageId, _ => "wamid.CONF" + Interlocked.Increment(ref _lastWamid).ToString(CultureInfo.InvariantCulture));
}
