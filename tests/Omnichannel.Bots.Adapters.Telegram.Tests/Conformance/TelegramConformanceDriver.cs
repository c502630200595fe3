using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.Conformance;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>
/// Drives Telegram for the conformance suite by webhook on a real host (<see cref="TelegramTestHost"/> with the suite's
/// dialog and clock) whose Bot API is a <see cref="FakeTelegramBotApi"/>. Each customer key is a private chat of its
/// own and each provider message key an <c>update_id</c> of its own; deliveries are Bot API <c>Update</c>s (a text
/// message, or a callback query carrying the pressed button's <c>callback_data</c> on the message that showed it), and
/// what a customer received is read back from the <c>sendMessage</c> calls the stand-in recorded for their chat.
/// </summary>
public sealed class TelegramConformanceDriver : IProviderDriver
{
    private const string SendMethod = "sendMessage";
    private const string WrongSecret = "not-the-configured-secret_0123456789";

    private readonly FakeTelegramBotApi _api;
    private readonly TelegramTestHost _host;
    private readonly ConcurrentDictionary<string, long> _chats = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _updateIds = new(StringComparer.Ordinal);
    private long _lastChatId = 900_000_000;
    private int _lastUpdateId = 1_000;

    private TelegramConformanceDriver(FakeTelegramBotApi api, TelegramTestHost host)
    {
        _api = api;
        _host = host;
    }

    /// <summary>The webhook's secret token header (401 without the configured one), bodies up to the options' default <see cref="TelegramOptions.MaxBodyBytes"/>.</summary>
    public static AdapterTraits Traits { get; } = new()
    {
        Profile = ChannelProfiles.Telegram,
        Authentication = RequestAuthentication.Secret,
        MaxBodyBytes = new TelegramOptions().MaxBodyBytes,
    };

    public IServiceProvider Services => _host.Services;

    public static async Task<TelegramConformanceDriver> StartAsync(ConformanceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var api = await FakeTelegramBotApi.StartAsync();
        try
        {
            var host = await TelegramTestHost.StartAsync(
                api,
                configureServices: services => services.AddSingleton<TimeProvider>(setup.Clock),
                dialogs: setup.AddTo);
            return new TelegramConformanceDriver(api, host);
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
        var chatId = ChatId(delivery.Customer);
        var updateId = UpdateId(delivery.ProviderMessageId);
        var update = delivery.Press is { } press
            ? Updates.Callback(updateId, press.Payload, MarkupShowing(chatId, press), chatId)
            : Updates.Text(updateId, delivery.Text ?? throw new ArgumentException("A delivery is a text or a button press.", nameof(delivery)), chatId);
        var secret = delivery.Credential switch
        {
            Credential.Valid => TelegramTestHost.SecretToken,
            Credential.Wrong => WrongSecret,
            _ => null,
        };
        using var response = await _host.PostUpdateAsync(update, secret);
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> PostRawAsync(ReadOnlyMemory<byte> body)
    {
        using var response = await _host.PostUpdateAsync(body);
        return response.StatusCode;
    }

    public Task<IReadOnlyList<OutboundMessage>> ReadOutboundAsync(string customer) =>
        Task.FromResult<IReadOnlyList<OutboundMessage>>(
            _chats.TryGetValue(customer, out var chatId) ? [.. SendsTo(chatId).Select(ToOutbound)] : []);

    /// <summary>The stand-in answers the next <c>sendMessage</c> as the Bot API does: <c>{"ok":false,"error_code":...,"parameters":{"retry_after":...}}</c>.</summary>
    public void AnswerNextSend(ProviderAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var retryAfter = answer.RetryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : (int?)null;
        var error = (answer.StatusCode, retryAfter) switch
        {
            (429, int seconds) => BotApiError.TooManyRequests(seconds),
            (503, int seconds) => BotApiError.Unavailable(seconds),
            (500, null) => BotApiError.ServerError,
            (400, null) => BotApiError.BadRequest,
            _ => new BotApiError(answer.StatusCode, $"Error {answer.StatusCode}", retryAfter),
        };
        _api.FailNext(SendMethod, error);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    private long ChatId(string customer) => _chats.GetOrAdd(customer, _ => Interlocked.Increment(ref _lastChatId));

    /// <summary>The same key always gives the same <c>update_id</c>; no key gives a fresh one.</summary>
    private int UpdateId(string? providerMessageId) =>
        providerMessageId is null
            ? Interlocked.Increment(ref _lastUpdateId)
            : _updateIds.GetOrAdd(providerMessageId, _ => Interlocked.Increment(ref _lastUpdateId));

    private IEnumerable<BotApiRequest> SendsTo(long chatId)
    {
        var chat = chatId.ToString(CultureInfo.InvariantCulture);
        return _api.Calls(SendMethod).Where(call => call.Text("chat_id") == chat);
    }

    /// <summary>The inline keyboard of the last message to the chat that showed <paramref name="press"/>: Telegram sends it back with the callback query.</summary>
    private string MarkupShowing(long chatId, OutboundButton press) =>
        SendsTo(chatId).Select(Markup).LastOrDefault(markup => markup is not null && Buttons(markup.Value).Contains(press))?.GetRawText()
            ?? throw new InvalidOperationException($"No message to chat {chatId} showed the button '{press.Title}'.");

    private static OutboundMessage ToOutbound(BotApiRequest send)
    {
        var text = send.Text("text") ?? string.Empty;
        var buttons = Markup(send) is { } markup ? Buttons(markup) : [];
        return new OutboundMessage(text, buttons, TelegramHtml.VisibleLength(text));
    }

    /// <summary>The call's <c>reply_markup</c> (a JSON object, or a JSON string in a form call); null without one.</summary>
    private static JsonElement? Markup(BotApiRequest send) =>
        send.Parameters.TryGetProperty("reply_markup", out var markup)
            ? markup.ValueKind == JsonValueKind.String ? JsonDocument.Parse(markup.GetString()!).RootElement.Clone() : markup
            : null;

    private static List<OutboundButton> Buttons(JsonElement markup) =>
        markup.TryGetProperty("inline_keyboard", out var rows)
            ? [.. rows.EnumerateArray().SelectMany(row => row.EnumerateArray()).Select(b => new OutboundButton(b.GetProperty("text").GetString()!, b.GetProperty("callback_data").GetString()!))]
            : [];
}
