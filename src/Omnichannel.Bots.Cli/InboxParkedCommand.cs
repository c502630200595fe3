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
/// Exit 0 done, 1 no such parked message or no database, 2 usage (found by the parser: <see cref="InboxCommand"/>).
/// </summary>
internal static class InboxParkedCommand
{
    /// <summary>Opens the bot's database named by <paramref name="directory"/> and <paramref name="fileName"/> and runs <paramref name="run"/>.</summary>
    /// <param name="directory">the bot's data folder (<c>--data</c>)</param>
    /// <param name="fileName">the database file in it (<c>--file</c>)</param>
    /// <param name="verb">list, retry or drop (for messages)</param>
    /// <param name="stderr">where a missing database is reported</param>
    /// <param name="run">the verb's work</param>
    /// <param name="cancellationToken">stops the work</param>
    public static async Task<int> WithStoreAsync(string directory, string fileName, string verb, TextWriter stderr, Func<IParkedMessageStore, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        directory = Path.GetFullPath(directory);
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"omnibot inbox parked {verb}: no database at {path} (give the bot's data folder with --data).").ConfigureAwait(false);
            return 1;
        }

        using var database = new SqliteDatabase(
            Options.Create(new SqliteStorageOptions { DataDirectory = directory, FileName = Path.GetFileName(path) }),
            NullLogger<SqliteDatabase>.Instance);
        return await run(new SqliteParkedMessageStore(database, TimeProvider.System), cancellationToken).ConfigureAwait(false);
    }

    public static async Task<int> ListAsync(IParkedMessageStore store, TextWriter stdout, CancellationToken cancellationToken)
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

    public static async Task<int> RetryAsync(IParkedMessageStore store, long? id, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
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

    public static async Task<int> DropAsync(IParkedMessageStore store, long id, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
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
}
