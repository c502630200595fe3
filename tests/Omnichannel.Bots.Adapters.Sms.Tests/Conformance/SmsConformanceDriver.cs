using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.Conformance;

namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>
/// Drives SMS for the conformance suite on a real host (<see cref="SmsTestHost"/> with the suite's dialog and clock)
/// whose Twilio REST API is a <see cref="FakeTwilioApi"/>. Each customer key is a phone number of its own and each
/// provider message key a <c>MessageSid</c> of its own; deliveries are Twilio's signed incoming-message forms, and what
/// a customer received is read back from the <c>Messages.json</c> calls the stand-in recorded for their number (SMS
/// has no buttons: options arrive numbered in the text, which is measured in characters).
/// </summary>
public sealed class SmsConformanceDriver : IProviderDriver
{
    private const string WrongSignature = "bm90IHRoZSByaWdodCBzaWduYXR1cmU=";

    private readonly FakeTwilioApi _api;
    private readonly SmsTestHost _host;
    private readonly ConcurrentDictionary<string, string> _numbers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _sids = new(StringComparer.Ordinal);
    private int _lastNumber;
    private int _lastSid = 5_000;

    private SmsConformanceDriver(FakeTwilioApi api, SmsTestHost host)
    {
        _api = api;
        _host = host;
    }

    /// <summary>X-Twilio-Signature (401 without a valid one), bodies up to the options' default <see cref="SmsOptions.MaxBodyBytes"/>, Twilio's pacing for a long code.</summary>
    public static AdapterTraits Traits { get; } = new()
    {
        Profile = SmsProfile.From(new SmsOptions { FromNumber = SmsTestHost.BotNumber }),
        Authentication = RequestAuthentication.Signature,
        MaxBodyBytes = new SmsOptions().MaxBodyBytes,
    };

    public IServiceProvider Services => _host.Services;

    public static async Task<SmsConformanceDriver> StartAsync(ConformanceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var api = await FakeTwilioApi.StartAsync();
        try
        {
            var host = await SmsTestHost.StartAsync(api, configureServices: services => services.AddSingleton<TimeProvider>(setup.Clock), dialogs: setup.AddTo);
            return new SmsConformanceDriver(api, host);
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
        if (delivery.Press is not null)
        {
            throw new ArgumentException("SMS has no buttons: the suite sends numbered options as text.", nameof(delivery));
        }

        var fields = TwilioForms.Incoming(Sid(delivery.ProviderMessageId), Number(delivery.Customer), delivery.Text ?? string.Empty);
        var signature = delivery.Credential switch
        {
            Credential.Valid => SmsTestHost.Sign(SmsWebhookEndpoints.Path, fields),
            Credential.Wrong => WrongSignature,
            _ => string.Empty,
        };
        using var response = await _host.PostFormAsync(SmsWebhookEndpoints.Path, fields, signature);
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> PostRawAsync(ReadOnlyMemory<byte> body)
    {
        var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body.Span))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty)));
        using var response = await _host.PostAsync(SmsWebhookEndpoints.Path, new ReadOnlyMemoryContent(body), SmsTestHost.Sign(SmsWebhookEndpoints.Path, fields));
        return response.StatusCode;
    }

    public Task<IReadOnlyList<OutboundMessage>> ReadOutboundAsync(string customer) =>
        Task.FromResult<IReadOnlyList<OutboundMessage>>(
            _numbers.TryGetValue(customer, out var number)
                ? [.. _api.SendsTo(number).Select(send => new OutboundMessage(send["Body"] ?? string.Empty, [], (send["Body"] ?? string.Empty).Length))]
                : []);

    /// <summary>The stand-in answers the next send in Twilio's error shape, with the status, a matching Twilio code and <c>Retry-After</c>.</summary>
    public void AnswerNextSend(ProviderAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var code = answer.StatusCode switch
        {
            429 => 20429,
            >= 500 => 20500,
            _ => 21617,
        };
        var retryAfter = answer.RetryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : (int?)null;
        _api.FailNext(new TwilioApiError(answer.StatusCode, code, $"Error {answer.StatusCode}", retryAfter));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    /// <summary>A US number of the 555-01xx range per customer (valid for libphonenumber, reserved for fiction).</summary>
    private string Number(string customer) =>
        _numbers.GetOrAdd(customer, _ => "+1201555" + (100 + Interlocked.Increment(ref _lastNumber)).ToString("D4", CultureInfo.InvariantCulture)[^4..]);

    private string Sid(string? providerMessageId) =>
        providerMessageId is null
            ? TwilioForms.MessageSid(Interlocked.Increment(ref _lastSid))
            : _sids.GetOrAdd(providerMessageId, _ => TwilioForms.MessageSid(Interlocked.Increment(ref _lastSid)));
}
