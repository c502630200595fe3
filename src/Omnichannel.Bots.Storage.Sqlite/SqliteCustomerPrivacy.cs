using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Files;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// <see cref="ICustomerPrivacy"/> on SQLite: every registered <see cref="ISqliteCustomerPrivacy"/> (core first in an
/// export, last in an erasure, since features' rows refer to the core's) in one read or one write, plus the customer's
/// files (<see cref="ICustomerFiles"/>: those saved under one of their conversations or identity keys). An erasure
/// deletes the files first, so a failed erasure can simply be run again, then the rows in one transaction, then
/// compacts the database (<see cref="SqliteDatabase.CompactAsync"/>) so that no deleted bytes remain in the file or
/// its write-ahead log. A message arriving from the customer afterwards starts a new customer.
/// </summary>
public sealed partial class SqliteCustomerPrivacy : ICustomerPrivacy
{
    private const string SelectCustomer = "SELECT id FROM customers WHERE id = @p1";
    private const string SelectByIdentity = "SELECT customer_id FROM customer_identities WHERE identity_key = @p1";

    /// <summary>What the customer's files may be saved under: their conversations' ids, web chat conversations' own ids, channel keys, identity keys.</summary>
    private const string SelectFileOwners =
        "SELECT id FROM conversations WHERE customer_id = @p1 "
        + "UNION SELECT external_id FROM conversations WHERE customer_id = @p1 AND channel = 'webchat' "
        + "UNION SELECT channel || ':' || external_id FROM conversations WHERE customer_id = @p1 "
        + "UNION SELECT identity_key FROM customer_identities WHERE customer_id = @p1";

    private readonly SqliteDatabase _database;
    private readonly IReadOnlyList<ISqliteCustomerPrivacy> _exportOrder;
    private readonly IReadOnlyList<ISqliteCustomerPrivacy> _eraseOrder;
    private readonly ICustomerFiles? _files;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteCustomerPrivacy> _logger;

    /// <param name="database">The bot's database.</param>
    /// <param name="participants">Every feature's share (the core's included); each feature once.</param>
    /// <param name="files">The customer file store; null when the host keeps no files.</param>
    /// <param name="time">Stamps the export and the erasure.</param>
    /// <param name="logger">Where erasures are recorded (customer id and counts only).</param>
    public SqliteCustomerPrivacy(
        SqliteDatabase database, IEnumerable<ISqliteCustomerPrivacy> participants, ICustomerFiles? files, TimeProvider time, ILogger<SqliteCustomerPrivacy> logger)
    {
        ArgumentNullException.ThrowIfNull(participants);
        _database = database;
        var all = participants.DistinctBy(p => p.Feature, StringComparer.Ordinal).ToList();
        var core = all.Where(p => p.Feature == SqliteSchema.CoreFeature).ToList();
        var features = all.Except(core).ToList();
        _exportOrder = [.. core, .. features];
        features.Reverse();
        _eraseOrder = [.. features, .. core];
        _files = files;
        _time = time;
        _logger = logger;
    }

    public Task<string?> FindByIdentityAsync(string identityKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identityKey);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read(db => db.Scalar<string>(SelectByIdentity, identityKey)));
    }

    public Task<string?> ExportAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read(db => InOneSnapshot(db, () =>
        {
            if (db.Scalar<string>(SelectCustomer, customerId) is null)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("customerId", customerId);
                json.WriteString("exportedAt", _time.GetUtcNow());
                foreach (var participant in _exportOrder)
                {
                    json.WritePropertyName(participant.Feature);
                    participant.Export(db, customerId, json);
                }

                WriteFiles(json, FileOwners(db, customerId));
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        })));
    }

    public async Task<CustomerErasure?> EraseAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var owners = _database.Read(db => InOneSnapshot(db, () => db.Scalar<string>(SelectCustomer, customerId) is null ? null : FileOwners(db, customerId)));
        if (owners is null)
        {
            return null;
        }

        var files = 0;
        foreach (var file in _files?.FilesOf(owners) ?? [])
        {
            files += _files!.Delete(file.Id) ? 1 : 0;
        }

        var rows = await _database.WriteAsync(
            db =>
            {
                var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var participant in _eraseOrder)
                {
                    deleted[participant.Feature] = participant.Erase(db, customerId);
                }

                return deleted;
            },
            cancellationToken).ConfigureAwait(false);
        var erasedAt = _time.GetUtcNow();
        LogErased(_logger, customerId, rows.Values.Sum(), files);
        try
        {
            // Not cancellable: the rows are gone, and their bytes should go with them.
            await _database.CompactAsync(CancellationToken.None).ConfigureAwait(false);
            return new CustomerErasure(customerId, rows, files, erasedAt);
        }
        catch (Exception ex) when (ex is InvalidOperationException or SqliteException)
        {
            LogNotCompacted(_logger, customerId, ex);
            return new CustomerErasure(customerId, rows, files, erasedAt, Compacted: false);
        }
    }

    /// <summary>Runs <paramref name="read"/> in one read transaction, so every statement sees the same snapshot.</summary>
    private static T InOneSnapshot<T>(StatementCache db, Func<T> read)
    {
        db.Execute("BEGIN");
        try
        {
            return read();
        }
        finally
        {
            db.Execute("COMMIT");
        }
    }

    /// <summary>The files' descriptions (not their bytes: an operator copies those from the data folder if asked).</summary>
    private void WriteFiles(Utf8JsonWriter json, HashSet<string> owners)
    {
        json.WriteStartArray("files");
        foreach (var file in _files?.FilesOf(owners) ?? [])
        {
            json.WriteStartObject();
            json.WriteString("id", file.Id);
            json.WriteString("name", file.Name);
            json.WriteString("contentType", file.ContentType);
            json.WriteNumber("bytes", file.Bytes);
            json.WriteString("savedAt", file.SavedAt);
            json.WriteString("savedUnder", file.ConversationId);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static HashSet<string> FileOwners(StatementCache db, string customerId)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal);
        using var reader = db.Query(SelectFileOwners, customerId);
        while (reader.Read())
        {
            owners.Add(reader.GetString(0));
        }

        return owners;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erased customer {CustomerId}: {Rows} rows and {Files} files deleted.")]
    private static partial void LogErased(ILogger logger, string customerId, int rows, int files);

    [LoggerMessage(Level = LogLevel.Error, Message = "Customer {CustomerId} is erased, but the database could not be compacted: the deleted rows' bytes stay in its free space until a compaction succeeds (the next erasure tries again).")]
    private static partial void LogNotCompacted(ILogger logger, string customerId, Exception exception);
}
