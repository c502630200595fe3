using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.Conformance;
using Omnichannel.Bots.Adapters.Meta;
using Omnichannel.Bots.Adapters.Meta.Testing;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>
/// Drives Messenger for the conformance suite on a real host (<see cref="MessengerTestHost"/> with the suite's dialog
/// and clock) whose Graph API is a <see cref="FakeGraphApi"/>. Each customer key is a PSID of its own and each provider
/// message key a <c>mid</c> of its own; deliveries are signed page webhook batches (a text message, or the pressed quick
/// reply's title with its payload), and what a customer received is read back from the Send API calls the stand-in
/// recorded for their PSID (sender actions left out), quick replies as the buttons.
/// </summary>
public sealed class MessengerConformanceDriver : IProviderDriver
{
    /// <summary>
    /// Meta sends no <c>Retry-After</c>: an answer asking to wait is Meta's rate-limit error (613), after which the adapter
    /// waits a minute (<see cref="GraphApiErrors"/>), at least the wait the suite asks for.
    /// </summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    private readonly FakeGraphApi _api;
    private readonly MessengerTestHost _host;
    private readonly ConcurrentDictionary<string, string> _psids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _mids = new(StringComparer.Ordinal);
    private long _lastPsid = 7_900_000_000_000_000;
    private int _lastMid;

    private MessengerConformanceDriver(FakeGraphApi api, MessengerTestHost host)
    {
        _api = api;
        _host = host;
    }

    /// <summary>X-Hub-Signature-256 (401 without a valid one), bodies up to Meta's 3 MB (the options' default).</summary>
    public static AdapterTraits Traits { get; } = new()
    {
        Profile = ChannelProfiles.Messenger,
        Authentication = RequestAuthentication.Signature,
        MaxBodyBytes = new MessengerOptions().MaxBodyBytes,
    };

    public IServiceProvider Services => _host.Services;

    public static async Task<MessengerConformanceDriver> StartAsync(ConformanceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var api = await FakeGraphApi.StartAsync(MessengerTestHost.PageAccessToken);
        try
        {
            var host = await MessengerTestHost.StartAsync(api, configureServices: services => services.AddSingleton<TimeProvider>(setup.Clock), dialogs: setup.AddTo);
            return new MessengerConformanceDriver(api, host);
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
        var psid = Psid(delivery.Customer);
        var mid = Mid(delivery.ProviderMessageId);
        var message = delivery.Press is { } press
            ? MessengerEvents.Text(psid, mid, press.Title, press.Payload)
            : MessengerEvents.Text(psid, mid, delivery.Text ?? throw new ArgumentException("A delivery is a text or a button press.", nameof(delivery)));
        var body = System.Text.Encoding.UTF8.GetBytes(MessengerEvents.Batch(MessengerTestHost.PageId, message).ToJsonString());
        var secret = delivery.Credential switch
        {
            Credential.Valid => MessengerTestHost.AppSecret,
            Credential.Wrong => "not-the-app-secret",
            _ => null,
        };
        using var response = await _host.PostAsync(body, secret);
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> PostRawAsync(ReadOnlyMemory<byte> body)
    {
        using var response = await _host.PostAsync(body);
        return response.StatusCode;
    }

    public Task<IReadOnlyList<OutboundMessage>> ReadOutboundAsync(string customer) =>
        Task.FromResult<IReadOnlyList<OutboundMessage>>(
            _psids.TryGetValue(customer, out var psid)
                ? [.. _api.SendsTo(psid).Where(send => send["sender_action"] is null).Select(ToOutbound)]
                : []);

    /// <summary>The stand-in answers the next message send (not the sender actions) in Meta's error shape: a wait as the rate-limit error 613, a 5xx as 2 (service unavailable), else 100 (invalid parameter).</summary>
    public void AnswerNextSend(ProviderAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.RetryAfter > LongestWait)
        {
            throw new ArgumentOutOfRangeException(nameof(answer), answer.RetryAfter, "Meta's rate limits are retried after a minute; a longer wait cannot be asked for.");
        }

        var failure = answer switch
        {
            { RetryAfter: not null } => new GraphApiFailure(answer.StatusCode, 613, "Calls to this api have exceeded the rate limit."),
            { StatusCode: >= 500 } => new GraphApiFailure(answer.StatusCode, 2, "An unexpected error has occurred. Please retry your request later."),
            _ => new GraphApiFailure(answer.StatusCode, 100, "(#100) Invalid parameter"),
        };
        _api.FailNextMessage(failure);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    private string Psid(string customer) =>
        _psids.GetOrAdd(customer, _ => Interlocked.Increment(ref _lastPsid).ToString(CultureInfo.InvariantCulture));

    /// <summary>The same key always gives the same mid; no key gives a fresh one.</summary>
    private string Mid(string? providerMessageId) =>
        providerMessageId is null
            ? NewMid()
            : _mids.GetOrAdd(providerMessageId, _ => NewMid());

    private string NewMid() => "m_conformance_" + Interlocked.Increment(ref _lastMid).ToString(CultureInfo.InvariantCulture);

    private static OutboundMessage ToOutbound(GraphApiRequest send)
    {
        var message = send.Body?["message"] as JsonObject;
        var text = message?["text"]?.GetValue<string>() ?? message?["attachment"]?["payload"]?["text"]?.GetValue<string>() ?? string.Empty;
        var buttons = (message?["quick_replies"] as JsonArray ?? message?["attachment"]?["payload"]?["buttons"] as JsonArray)?
            .Select(b => new OutboundButton(b!["title"]!.GetValue<string>(), b["payload"]!.GetValue<string>()))
            .ToList() ?? [];
        return new OutboundMessage(text, buttons, text.Length);
    }
}
