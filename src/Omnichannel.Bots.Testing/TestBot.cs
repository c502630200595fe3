using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Testing;

/// <summary>
/// A bot running for tests: the real runtime on a throw-away SQLite database, a <see cref="FakeTimeProvider"/> for
/// time, and a <see cref="RecordingChannelAdapter"/> for every channel profile. Start one per test, talk to it with
/// <see cref="TestConversation"/>, dispose it at the end.
/// </summary>
public sealed class TestBot : IAsyncDisposable
{
    /// <summary>The fake clock starts here by default: Wednesday 18 March 2026, 10:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private readonly bool _ownsDirectory;

    private TestBot(IHost host, string directory, bool ownsDirectory, FakeTimeProvider time)
    {
        _host = host;
        DataDirectory = directory;
        _ownsDirectory = ownsDirectory;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    /// <summary>The folder holding the bot's database: a throw-away one, or the one given to <see cref="StartAsync"/>.</summary>
    public string DataDirectory { get; }

    public IServiceProvider Services => _host.Services;

    public ITranscriptStore Transcripts => Services.GetRequiredService<ITranscriptStore>();

    internal IMessageInbox Inbox => Services.GetRequiredService<IMessageInbox>();

    /// <summary>
    /// Starts a bot declared by <paramref name="configure"/> (add the root dialog there); <paramref name="services"/>
    /// registers what the dialogs need. Without <paramref name="dataDirectory"/> the bot gets a throw-away database,
    /// deleted on dispose; with it, the bot opens (or creates) the database there and leaves the folder to the caller,
    /// so a second bot started on the same folder plays a restarted process.
    /// </summary>
    public static async Task<TestBot> StartAsync(
        Action<BotBuilder> configure,
        Action<IServiceCollection>? services = null,
        DateTimeOffset? start = null,
        IEnumerable<ChannelProfile>? channels = null,
        string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var ownsDirectory = dataDirectory is null;
        var directory = Path.GetFullPath(dataDirectory ?? Path.Combine(Path.GetTempPath(), "omnibot-test-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(directory);
        var time = new FakeTimeProvider(start ?? DefaultStart);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddOmnichannelBot(bot =>
        {
            bot.AddSqliteStorage(options => options.DataDirectory = directory);
            foreach (var profile in channels ?? ChannelProfiles.All)
            {
                bot.Services.AddSingleton<ChannelAdapter>(new RecordingChannelAdapter(profile));
            }

            configure(bot);
        });
        services?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            if (ownsDirectory)
            {
                TryDelete(directory);
            }

            throw;
        }

        return new TestBot(host, directory, ownsDirectory, time);
    }

    /// <summary>The recording adapter of a channel: what was actually delivered there.</summary>
    public RecordingChannelAdapter Channel(ChannelId channel) =>
        Services.GetServices<ChannelAdapter>().OfType<RecordingChannelAdapter>().FirstOrDefault(a => a.Channel == channel)
        ?? throw new ArgumentException($"The test bot has no recording adapter for channel '{channel}'.", nameof(channel));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
            if (_ownsDirectory)
            {
                TryDelete(DataDirectory);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on this platform; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
