using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Adapters.WebChat;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Files;
using Omnichannel.Bots.Handoff.Storage.Sqlite;
using Omnichannel.Bots.Journeys.Storage;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// <c>omnibot customers export|erase</c>: a customer's export or erasure (<see cref="SqliteCustomerPrivacy"/>) on a
/// bot's SQLite database (<c>--data</c>, the host's <c>Storage:DataDirectory</c>) and its customer files, with every
/// feature's share this tool knows (<see cref="Participants"/>) whose tables are in the file. Erasure refuses a file
/// holding a feature it does not know (its rows would stay). Exit 0 done, 1 no database, no such customer or an
/// unknown feature, 2 usage (<see cref="CustomersCommand"/>).
/// </summary>
internal static class CustomersPrivacyCommand
{
    private const string SelectFeatures = "SELECT feature FROM schema_migrations ORDER BY feature";

    /// <summary>Features whose tables hold nothing about a customer (Telegram's long button values are not tied to anyone).</summary>
    private static readonly string[] WithoutCustomerData = ["telegram"];

    /// <summary>Every feature's share of an export and erasure; a feature that keeps customer data adds its own here.</summary>
    private static readonly IReadOnlyList<ISqliteCustomerPrivacy> Participants =
    [
        new SqliteCoreCustomerPrivacy(),
        new SqliteReachabilityCustomerPrivacy(),
        new SqliteHandoffCustomerPrivacy(),
        new SqliteWebChatCustomerPrivacy(),
        new SqliteJourneyCustomerData(),
        new SqliteLinkCodeCustomerData(),
    ];

    public static Task<int> ExportAsync(Target target, string? outFile, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        WithPrivacyAsync(target, "export", stderr, async (privacy, customerId, unknown) =>
        {
            foreach (var feature in unknown)
            {
                await stderr.WriteLineAsync($"omnibot customers export: warning: this omnibot does not know feature '{feature}'; its rows are not in the export.").ConfigureAwait(false);
            }

            var json = await privacy.ExportAsync(customerId, cancellationToken).ConfigureAwait(false);
            if (json is null)
            {
                return await NoCustomerAsync(stderr, "export", customerId).ConfigureAwait(false);
            }

            if (outFile is null)
            {
                await stdout.WriteLineAsync(json).ConfigureAwait(false);
                return 0;
            }

            var path = Path.GetFullPath(outFile);
            try
            {
                await OwnerOnlyFiles.WriteAllTextAsync(path, json, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"omnibot customers export: cannot write {path}: {ex.Message}").ConfigureAwait(false);
                return 1;
            }

            await stdout.WriteLineAsync($"customer {customerId} exported to {path}").ConfigureAwait(false);
            return 0;
        });

    public static Task<int> EraseAsync(Target target, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        WithPrivacyAsync(target, "erase", stderr, async (privacy, customerId, unknown) =>
        {
            if (unknown.Count > 0)
            {
                await stderr.WriteLineAsync(
                    $"omnibot customers erase: the database holds tables of {string.Join(", ", unknown.Select(f => $"'{f}'"))}, which this omnibot cannot erase; nothing was deleted. "
                    + "Use an omnibot of the host's version, or the workspace API (POST /api/agent/customers/ID/erase).").ConfigureAwait(false);
                return 1;
            }

            var erasure = await privacy.EraseAsync(customerId, cancellationToken).ConfigureAwait(false);
            if (erasure is null)
            {
                return await NoCustomerAsync(stderr, "erase", customerId).ConfigureAwait(false);
            }

            foreach (var (feature, rows) in erasure.RowsByFeature)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{feature}\t{rows} rows")).ConfigureAwait(false);
            }

            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"files\t{erasure.Files}")).ConfigureAwait(false);
            if (!erasure.Compacted)
            {
                await stderr.WriteLineAsync(
                    $"omnibot customers erase: customer {customerId} is erased, but the database could not be compacted (a long read held it): the deleted bytes stay in its free space until the next erasure compacts it.").ConfigureAwait(false);
                return 1;
            }

            await stdout.WriteLineAsync($"customer {customerId} erased; the database was compacted").ConfigureAwait(false);
            return 0;
        });

    /// <summary>Opens the database and the files, finds the customer and runs <paramref name="run"/> (given the features nobody here erases).</summary>
    private static async Task<int> WithPrivacyAsync(Target target, string verb, TextWriter stderr, Func<ICustomerPrivacy, string, IReadOnlyList<string>, Task<int>> run)
    {
        var directory = Path.GetFullPath(target.Directory);
        var path = Path.Combine(directory, target.FileName);
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"omnibot customers {verb}: no database at {path} (give the bot's data folder with --data).").ConfigureAwait(false);
            return 1;
        }

        SqliteDatabase database;
        try
        {
            database = new SqliteDatabase(
                Options.Create(new SqliteStorageOptions { DataDirectory = directory, FileName = Path.GetFileName(path) }),
                NullLogger<SqliteDatabase>.Instance);
        }
        catch (Exception ex) when (ex is InvalidOperationException or SqliteException)
        {
            await stderr.WriteLineAsync($"omnibot customers {verb}: cannot open {path}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        using (database)
        {
            var features = database.Read(db =>
            {
                var names = new List<string>();
                using var reader = db.Query(SelectFeatures);
                while (reader.Read())
                {
                    names.Add(reader.GetString(0));
                }

                return names;
            });
            var participants = Participants.Where(p => features.Contains(p.Feature, StringComparer.Ordinal)).ToList();
            var unknown = features.Except(Participants.Select(p => p.Feature).Concat(WithoutCustomerData), StringComparer.Ordinal).ToList();
            var privacy = new SqliteCustomerPrivacy(database, participants, Files(directory), TimeProvider.System, NullLogger<SqliteCustomerPrivacy>.Instance);

            var customerId = target.CustomerId;
            // Email keys are stored lowercase (IdentityKeys), whatever case the operator types.
            var key = target.IdentityKey is { } typed && typed.StartsWith("email:", StringComparison.OrdinalIgnoreCase) ? typed.ToLowerInvariant() : target.IdentityKey;
            if (key is not null && (customerId = await privacy.FindByIdentityAsync(key, CancellationToken.None).ConfigureAwait(false)) is null)
            {
                await stderr.WriteLineAsync($"omnibot customers {verb}: no customer has the identity key '{key}' (keys look like phone:+15551234567, email:a@b.example, telegram:12345).").ConfigureAwait(false);
                return 1;
            }

            return await run(privacy, customerId!, unknown).ConfigureAwait(false);
        }
    }

    /// <summary>The host's customer files; null when it never kept any (so no key file is created for nothing).</summary>
    private static CustomerFileStore? Files(string directory) =>
        Directory.Exists(Path.Combine(directory, CustomerFileStore.FolderName)) || Directory.Exists(Path.Combine(directory, CustomerFileStore.WebChatFolderName))
            ? new CustomerFileStore(new BotDataDirectory(directory), TimeProvider.System, Options.Create(new LimitsOptions()))
            : null;

    private static async Task<int> NoCustomerAsync(TextWriter stderr, string verb, string customerId)
    {
        await stderr.WriteLineAsync($"omnibot customers {verb}: there is no customer '{customerId}' (never was, merged into another, or already erased).").ConfigureAwait(false);
        return 1;
    }

    /// <summary>Which database and customer a verb works on.</summary>
    internal sealed record Target(string Directory, string FileName, string? CustomerId, string? IdentityKey);
}
