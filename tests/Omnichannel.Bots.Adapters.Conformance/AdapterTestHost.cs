using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// A bot on Kestrel (127.0.0.1, a free port) with its SQLite file in a new temporary folder, for an adapter's tests:
/// the caller declares the bot (dialogs, storage, the channel) and passes the channel's settings. Returns once
/// <c>/healthz/ready</c> answers 200; disposing stops the host and deletes the folder.
/// </summary>
public sealed class AdapterTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdapterTestHost(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public HttpClient Http { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="folderPrefix">The temporary folder's name prefix (<c>omnibot-sms-</c>).</param>
    /// <param name="settings">Configuration as <c>Key=Value</c> (<c>Channels:Sms:Enabled=true</c>).</param>
    /// <param name="declareBot">Declares the bot: dialogs, storage, the channel.</param>
    /// <param name="configureServices">Registrations after the bot's own.</param>
    public static async Task<AdapterTestHost> StartAsync(
        string folderPrefix, IEnumerable<string> settings, Action<BotBuilder> declareBot, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(declareBot);
        var dataDirectory = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        string[] args = ["--urls=http://127.0.0.1:0", $"--Storage:DataDirectory={dataDirectory}", .. settings.Select(s => "--" + s)];
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOmnichannelBot(declareBot);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapBotEndpoints();
        await app.StartAsync();
        var host = new AdapterTestHost(app, dataDirectory);
        await Readiness.WaitOrDisposeAsync(host.Http, host);
        return host;
    }

    /// <summary>
    /// Starts a channel adapter's test bot: <typeparamref name="TRootDialog"/> as the root dialog unless
    /// <paramref name="dialogs"/> declares the bot's dialogs, then <paramref name="addChannel"/> (storage and the channel),
    /// with a <see cref="RecordingTurnObserver"/> registered before <paramref name="configureServices"/>.
    /// </summary>
    public static Task<AdapterTestHost> StartChannelAsync<TRootDialog>(
        string folderPrefix,
        IEnumerable<string> settings,
        Action<BotBuilder> addChannel,
        Action<IServiceCollection>? configureServices = null,
        Action<BotBuilder>? dialogs = null)
        where TRootDialog : Dialog
    {
        ArgumentNullException.ThrowIfNull(addChannel);
        return StartAsync(
            folderPrefix,
            settings,
            bot =>
            {
                if (dialogs is null)
                {
                    bot.AddRootDialog<TRootDialog>();
                }
                else
                {
                    dialogs(bot);
                }

                addChannel(bot);
            },
            services =>
            {
                services.AddSingleton<RecordingTurnObserver>();
                services.AddSingleton<ITurnObserver>(provider => provider.GetRequiredService<RecordingTurnObserver>());
                configureServices?.Invoke(services);
            });
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
