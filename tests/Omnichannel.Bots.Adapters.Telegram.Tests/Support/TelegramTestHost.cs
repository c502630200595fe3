using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.Conformance;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>
/// A bot with <see cref="SizeDialog"/> and Telegram on Kestrel (127.0.0.1, a free port) over SQLite in a temporary
/// folder, its Bot API at a <see cref="FakeTelegramBotApi"/>. Returns once <c>/healthz/ready</c> answers 200.
/// </summary>
public sealed class TelegramTestHost : IAsyncDisposable
{
    public const string SecretToken = "test-secret_0123456789-abcdefghijkl";

    private readonly AdapterTestHost _host;

    private TelegramTestHost(AdapterTestHost host)
    {
        _host = host;
    }

    public HttpClient Http => _host.Http;

    public string DataDirectory => _host.DataDirectory;

    public IServiceProvider Services => _host.Services;

    public RecordingTurnObserver Turns => Services.GetRequiredService<RecordingTurnObserver>();

    /// <param name="api">The Bot API the bot talks to.</param>
    /// <param name="settings">More configuration (<c>Channels:Telegram:UseLongPolling=true</c>).</param>
    /// <param name="configureServices">Registrations after the bot's own.</param>
    /// <param name="dialogs">Declares the bot's dialogs (default: <see cref="SizeDialog"/> as the root dialog).</param>
    public static async Task<TelegramTestHost> StartAsync(
        FakeTelegramBotApi api, IEnumerable<string>? settings = null, Action<IServiceCollection>? configureServices = null, Action<BotBuilder>? dialogs = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        List<string> args =
        [
            "Channels:Telegram:Enabled=true",
            $"Channels:Telegram:BotToken={FakeTelegramBotApi.Token}",
            $"Channels:Telegram:SecretToken={SecretToken}",
            $"Channels:Telegram:ApiBaseUrl={api.BaseUrl}",
            "Channels:Telegram:PollingTimeout=00:00:01",
        ];
        args.AddRange(settings ?? []);
        var host = await AdapterTestHost.StartChannelAsync<SizeDialog>(
            "omnibot-telegram-", args, bot => bot.AddSqliteStorage().AddTelegramChannel(), configureServices, dialogs);
        return new TelegramTestHost(host);
    }

    /// <summary>Posts a webhook body as Telegram does, with the secret header (or <paramref name="secret"/>; null sends none).</summary>
    public Task<HttpResponseMessage> PostUpdateAsync(string body, string? secret = SecretToken) => PostUpdateAsync(Encoding.UTF8.GetBytes(body), secret);

    /// <inheritdoc cref="PostUpdateAsync(string, string?)"/>
    public async Task<HttpResponseMessage> PostUpdateAsync(ReadOnlyMemory<byte> body, string? secret = SecretToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/channels/telegram") { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await Http.SendAsync(request);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
