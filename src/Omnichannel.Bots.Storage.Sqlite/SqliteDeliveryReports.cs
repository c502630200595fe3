using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Delivery;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// Delivery reports on SQLite: each is kept in <c>delivery_reports</c> against the outbox row that carries its provider
/// id, and moves that row's current status forward (<see cref="DeliveryProgress"/>). A report for an id no row carries
/// yet is kept unattached for <see cref="UnmatchedRetention"/>: a provider can report before the outbox has finished
/// marking the send, and <see cref="SqliteOutboxStore"/> attaches it then. After that it was for a message this bot did
/// not send (or a send repeated after a crash, which got a new id) and is deleted.
/// </summary>
public sealed partial class SqliteDeliveryReports : IDeliveryReports
{
    /// <summary>How long a report waits for its send to be marked before it is deleted.</summary>
    public static readonly TimeSpan UnmatchedRetention = TimeSpan.FromHours(1);

    private const string SelectOutbox =
        "SELECT id FROM outbox WHERE provider_message_id = @p2 AND channel = @p1 ORDER BY id DESC LIMIT 1";

    private const string InsertReport =
        "INSERT OR IGNORE INTO delivery_reports (channel, provider_message_id, outbox_id, status, at, error_code, error_message, received_at) " +
        "VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)";

    private const string DeleteStaleUnmatched = "DELETE FROM delivery_reports WHERE outbox_id IS NULL AND received_at < @p1";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteDeliveryReports> _logger;

    public SqliteDeliveryReports(SqliteDatabase database, TimeProvider time, ILogger<SqliteDeliveryReports> logger)
    {
        _database = database;
        _time = time;
        _logger = logger;
    }

    public async Task<bool> RecordAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(report.ProviderMessageId, nameof(report));
        var status = DeliveryStatusText.Of(report.Status);
        var now = _time.GetUtcNow();
        var known = await _database.WriteAsync(db => Record(db, report, status, now), cancellationToken).ConfigureAwait(false);
        if (!known)
        {
            LogUnmatched(_logger, report.Channel.Value, report.ProviderMessageId, report.Status, UnmatchedRetention);
        }

        return known;
    }

    private static bool Record(StatementCache db, DeliveryReport report, string status, DateTimeOffset now)
    {
        var channel = report.Channel.Value;
        var outboxId = db.Scalar<long?>(SelectOutbox, channel, report.ProviderMessageId);
        var state = new DeliveryState(report.Status, report.At)
        {
            ErrorCode = SqliteOutboxStore.Bounded(report.ErrorCode),
            ErrorMessage = SqliteOutboxStore.Bounded(report.ErrorMessage),
        };
        var inserted = db.Execute(
            InsertReport, channel, report.ProviderMessageId, outboxId, status, UnixTime.Of(report.At), state.ErrorCode, state.ErrorMessage, UnixTime.Of(now)) == 1;
        if (outboxId is not { } id)
        {
            db.Execute(DeleteStaleUnmatched, UnixTime.Of(now - UnmatchedRetention));
            return false;
        }

        if (inserted)
        {
            SqliteOutboxStore.Advance(db, id, state);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A {Status} report from {Channel} names provider message {ProviderMessageId}, which no outbound message carries yet; it waits {Retention} for its send to be marked.")]
    private static partial void LogUnmatched(ILogger logger, string channel, string providerMessageId, DeliveryStatus status, TimeSpan retention);
}
