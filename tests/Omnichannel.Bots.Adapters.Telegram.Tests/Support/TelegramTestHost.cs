using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.AspNetCore;
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

    private readonly WebApplication _app;

    private TelegramTestHost(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public HttpClient Http { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _app.Services;

    public RecordingTurnObserver Turns => Services.GetRequiredService<RecordingTurnObserver>();

    /// <param name="api">The Bot API the bot talks to.</param>
    /// <param name="settings">More configuration (<c>Channels:Telegram:UseLongPolling=true</c>).</param>
    /// <param name="configureServices">Registrations after the bot's own.</param>
    /// <param name="dialogs">Declares the bot's dialogs (default: <see cref="SizeDialog"/> as the root dialog).</param>
    public static async Task<TelegramTestHost> StartAsync(
        FakeTelegramBotApi api, IEnumerable<string>? settings = null, Action<IServiceCollection>? configureServices = null, Action<BotBuilder>? dialogs = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var dataDirectory = Directory.CreateTempSubdirectory("omnibot-telegram-").FullName;
        List<string> args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:DataDirectory={dataDirectory}",
            "--Channels:Telegram:Enabled=true",
            $"--Channels:Telegram:BotToken={FakeTelegramBotApi.Token}",
            $"--Channels:Telegram:SecretToken={SecretToken}",
            $"--Channels:Telegram:ApiBaseUrl={api.BaseUrl}",
            "--Channels:Telegram:PollingTimeout=00:00:01",
        ];
        args.AddRange((settings ?? []).Select(s => "--" + s));
        var builder = WebApplication.CreateBuilder([.. args]);
        builder.Services.AddSingleton<RecordingTurnObserver>();
        builder.Services.AddSingleton<ITurnObserver>(services => services.GetRequiredService<RecordingTurnObserver>());
        builder.Services.AddOmnichannelBot(bot =>
        {
            if (dialogs is null)
            {
                bot.AddRootDialog<SizeDialog>();
            }
            else
            {
                dialogs(bot);
            }

            bot.AddSqliteStorage().AddTelegramChannel();
        });
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapBotEndpoints();
        await app.StartAsync();
        var host = new TelegramTestHost(app, dataDirectory);
        try
        {
            await Readiness.WaitAsync(host.Http);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
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

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }
}
