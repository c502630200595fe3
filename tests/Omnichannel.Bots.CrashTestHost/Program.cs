// Crash test host. Reads "id<TAB>conversation<TAB>text" lines from stdin and submits each to the inbox.
//   --data DIR              data directory (bot.db and sent.log)
//   --crash-at POINT        after-inbox-write | mid-dialog | after-state-write | after-send
//   --crash-message ID      the provider message id whose turn crashes
// Without --crash-at, once stdin closes it waits until the inbox and outbox are drained, prints DRAINED and exits.
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots;
using Omnichannel.Bots.CrashTestHost;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Storage.Sqlite;

var data = Argument("--data") ?? throw new ArgumentException("--data DIR is required.");
var crash = new CrashSwitch(Argument("--crash-at"), Argument("--crash-message"));

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = data });
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(crash);
builder.Services.AddOmnichannelBot(bot =>
{
    bot.AddRootDialog<CounterDialog>()
        .AddSqliteStorage(options => options.DataDirectory = data)
        .AddObserver<CrashObserver>();
    bot.Services.AddSingleton<ChannelAdapter>(new FileChannelAdapter(Path.Combine(data, "sent.log"), crash));
    bot.Services.Configure<OutboxOptions>(o => o.PollInterval = TimeSpan.FromMilliseconds(50));
});
using var host = builder.Build();
await host.StartAsync();

var inbox = host.Services.GetRequiredService<IMessageInbox>();
while (Console.In.ReadLine() is { } line)
{
    var fields = line.Split('\t');
    var receipt = await inbox.SubmitAsync(new BotMessage
    {
        Id = fields[0],
        Channel = FileChannelAdapter.CrashProfile.Channel,
        Conversation = new ConversationAddress("crash-account", fields[1]),
        Sender = new Participant(fields[1]),
        Text = fields[2],
    }, CancellationToken.None);
    Console.Out.WriteLine((receipt.IsDuplicate ? "DUPLICATE " : "ACCEPTED ") + fields[0]);
    Console.Out.Flush();
}

if (crash.Point is null)
{
    var database = host.Services.GetRequiredService<SqliteDatabase>();
    await WaitUntilDrainedAsync(database.FilePath);
    Console.Out.WriteLine("DRAINED");
    Console.Out.Flush();
}
else
{
    // The crash point is reached on another thread; the test kills the process.
    await Task.Delay(Timeout.Infinite);
}

await host.StopAsync();

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static async Task WaitUntilDrainedAsync(string path)
{
    using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT (SELECT COUNT(*) FROM inbox WHERE status = 'pending') + (SELECT COUNT(*) FROM outbox WHERE status = 'pending')";
    while (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
    {
        await Task.Delay(20);
    }
}
