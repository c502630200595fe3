using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Support;

/// <summary>A test bot with handoff on the real SQLite store and the desk, the <see cref="QaDialog"/> as its root dialog.</summary>
internal sealed class HandoffHarness : IAsyncDisposable
{
    public static readonly AgentIdentity Alice = new("alice", "Alice", []);
    public static readonly AgentIdentity Bob = new("bob", "Bob", []);

    private readonly string? _rulesDirectory;

    private HandoffHarness(TestBot bot, string? rulesDirectory)
    {
        Bot = bot;
        _rulesDirectory = rulesDirectory;
    }

    public TestBot Bot { get; }

    public IHandoffDesk Desk => Bot.Services.GetRequiredService<IHandoffDesk>();

    /// <summary>Handoff's SQLite store (every handoff store contract in one class).</summary>
    public SqliteHandoffStore Store => Bot.Services.GetRequiredService<SqliteHandoffStore>();

    public HandoffTimers Timers => Bot.Services.GetRequiredService<HandoffTimers>();

    public static async Task<HandoffHarness> StartAsync(string? rulesYaml = null, Action<HandoffOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        string? directory = null;
        string? path = null;
        if (rulesYaml is not null)
        {
            directory = Path.Combine(Path.GetTempPath(), "omnibot-rules-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            path = Path.Combine(directory, "handoff-rules.yaml");
            await File.WriteAllTextAsync(path, rulesYaml);
        }

        var bot = await TestBot.StartAsync(
            b => b.AddHandoff(o =>
            {
                o.RulesPath = path;
                o.WatchForChanges = false;
                configure?.Invoke(o);
            }).AddRootDialog<QaDialog>(),
            services);
        return new HandoffHarness(bot, directory);
    }

    public TestConversation Customer(ChannelProfile? channel = null, TestCustomer? customer = null) => new(Bot, channel ?? ChannelProfiles.WebChat, customer);

    public async Task<HandoffTicket> OnlyOpenTicketAsync()
    {
        var open = await Store.ListOpenAsync(CancellationToken.None);
        return Assert.Single(open);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        if (_rulesDirectory is not null)
        {
            Directory.Delete(_rulesDirectory, recursive: true);
        }
    }
}
