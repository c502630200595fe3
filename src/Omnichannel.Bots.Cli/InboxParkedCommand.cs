using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// <c>omnibot inbox parked list|retry|drop</c>: the inbound messages whose turn could not be stored after
/// <c>Bot:MaxTurnAttempts</c> attempts, in a bot's SQLite database (<c>--data</c>, the host's <c>Storage:DataDirectory</c>).
/// Works while the host runs: a retried message is picked up within <c>Bot:RequeuePollInterval</c>, or on the next start.
/// Exit 0 done, 1 no such parked message or no database, 2 usage.
/// </summary>
internal static class InboxParkedCommand
{
    public const string Usage = """
        usage: omnibot inbox parked <list|retry|drop> [arguments] [--data DIR] [--file NAME]
          list                 every parked message: id, channel, conversation, attempts, parked at (UTC), error
          retry ID | --all     put the message (or every one) back as pending; the running host runs it within
                               Bot:RequeuePollInterval, or the next host on start
          drop ID              never run the message; it leaves the list (kept for deduplication until Bot:InboxRetention)
          --data DIR           the bot's data folder, Storage:DataDirectory (default: data)
          --file NAME          the database file in it, Storage:FileName (default: bot.db)
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var data = new Option<string>("--data") { Description = "the bot's data folder (Storage:DataDirectory)", DefaultValueFactory = _ => "data" };
        var file = new Option<string>("--file") { Description = "the database file in it (Storage:FileName)", DefaultValueFactory = _ => "bot.db" };
        var retryId = new Argument<long?>("ID") { Description = "the parked message's id (from list)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "retry every parked message" };
        var dropId = new Argument<long>("ID") { Description = "the parked message's id (from list)" };

        var list = new Command("list", "list parked messages") { data, file };
        var retry = new Command("retry", "put parked messages back as pending") { retryId, all, data, file };
        var drop = new Command("drop", "drop a parked message") { dropId, data, file };
        var parked = new Command("parked", "inbound messages whose turn could not be stored") { list, retry, drop };
        var root = new Command("omnibot") { new Command("inbox", "the durable inbox") { parked }, new HelpOption() };

        list.SetAction((result, ct) => WithStoreAsync(result, "list", (store, token) => ListAsync(store, stdout, token), ct));
        retry.SetAction((result, ct) =>
        {
            var id = result.GetValue(retryId);
            var everything = result.GetValue(all);
            return (id is null) != everything
                ? UsageErrorAsync(stderr, "retry", everything ? "give an ID or --all, not both." : "missing ID (or --all).")
                : WithStoreAsync(result, "retry", (store, token) => RetryAsync(store, id, stdout, stderr, token), ct);
        });
        drop.SetAction((result, ct) => WithStoreAsync(result, "drop", (store, token) => DropAsync(store, result.GetValue(dropId), stdout, stderr, token), ct));

        var parsed = root.Parse(["inbox", "parked", .. args]);
        if (parsed.Errors.Count > 0)
        {
            return await UsageErrorAsync(stderr, parsed.CommandResult.Command.Name, parsed.Errors[0].Message).ConfigureAwait(false);
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken).ConfigureAwait(false);

        async Task<int> WithStoreAsync(ParseResult result, string verb, Func<IParkedMessageStore, CancellationToken, Task<int>> run, CancellationToken ct)
        {
            var directory = Path.GetFullPath(result.GetValue(data)!);
            var path = Path.Combine(directory, result.GetValue(file)!);
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"omnibot inbox parked {verb}: no database at {path} (give the bot's data folder with --data).").ConfigureAwait(false);
                return 1;
            }

            using var database = new SqliteDatabase(
                Options.Create(new SqliteStorageOptions { DataDirectory = directory, FileName = Path.GetFileName(path) }),
                NullLogger<SqliteDatabase>.Instance);
            return await run(new SqliteParkedMessageStore(database, TimeProvider.System), ct).ConfigureAwait(false);
        }
    }

    private static async Task<int> ListAsync(IParkedMessageStore store, TextWriter stdout, CancellationToken cancellationToken)
    {
        var parked = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        if (parked.Count == 0)
        {
            await stdout.WriteLineAsync("no parked messages").ConfigureAwait(false);
            return 0;
        }

        await stdout.WriteLineAsync("id\tchannel\tconversation\tattempts\tparked at\terror").ConfigureAwait(false);
        foreach (var m in parked)
        {
            var error = m.Error.ReplaceLineEndings(" ");
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{m.Sequence}\t{m.Channel}\t{m.Conversation.Id}\t{m.Attempts}\t{m.ParkedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z\t{error}")).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{parked.Count} parked")).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> RetryAsync(IParkedMessageStore store, long? id, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            var count = await store.RetryAllAsync(cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count} parked messages put back as pending")).ConfigureAwait(false);
            return 0;
        }

        if (!await store.RetryAsync(id.Value, cancellationToken).ConfigureAwait(false))
        {
            return await NotParkedAsync(stderr, "retry", id.Value).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"message {id} put back as pending; the running host runs it shortly, or the next one on start")).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> DropAsync(IParkedMessageStore store, long id, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!await store.DropAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return await NotParkedAsync(stderr, "drop", id).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"message {id} dropped")).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> NotParkedAsync(TextWriter stderr, string verb, long id)
    {
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"omnibot inbox parked {verb}: no parked message with id {id} (omnibot inbox parked list shows them).")).ConfigureAwait(false);
        return 1;
    }

    private static Task<int> UsageErrorAsync(TextWriter stderr, string verb, string message) =>
        KbIndexCommand.UsageErrorAsync(stderr, verb == "parked" ? "inbox parked" : "inbox parked " + verb, message, Usage);
}
