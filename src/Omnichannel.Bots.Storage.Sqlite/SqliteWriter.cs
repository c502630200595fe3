using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// The database's only writer: one thread and one connection. Writes queue up and are committed together in one
/// transaction (group commit), each inside its own savepoint so that one failing write does not undo the others.
/// A write's task completes only after its transaction is durably committed.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly Channel<WriteOperation> _queue = Channel.CreateUnbounded<WriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StatementCache _statements;
    private readonly int _maxWritesPerCommit;
    private readonly Thread _thread;

    public SqliteWriter(SqliteConnection connection, int maxWritesPerCommit)
    {
        _statements = new StatementCache(connection);
        _maxWritesPerCommit = maxWritesPerCommit;
        _thread = new Thread(Run) { IsBackground = true, Name = "omnibot-sqlite-writer" };
        _thread.Start();
    }

    /// <summary>Total transactions committed, and writes in them (for the benchmark's group-commit ratio).</summary>
    public long Commits { get; private set; }

    public long Writes { get; private set; }

    /// <summary>Queues a write; the task completes when it is committed. Cancellation applies only before it is queued.</summary>
    public Task<T> WriteAsync<T>(Func<StatementCache, T> write, CancellationToken cancellationToken) =>
        Enqueue(new WriteOperation<T>(write, outsideTransaction: false), cancellationToken);

    /// <summary>
    /// Queues work that cannot run inside a transaction (<c>VACUUM</c>, a checkpoint): it runs alone on the writer's
    /// connection between two group commits. Cancellation applies only before it is queued.
    /// </summary>
    public Task<T> RunAloneAsync<T>(Func<StatementCache, T> work, CancellationToken cancellationToken) =>
        Enqueue(new WriteOperation<T>(work, outsideTransaction: true), cancellationToken);

    private Task<T> Enqueue<T>(WriteOperation<T> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_queue.Writer.TryWrite(operation))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter), "The database is closed.");
        }

        return operation.Task;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
        _statements.Dispose();
    }

    private void Run()
    {
        var batch = new List<WriteOperation>(_maxWritesPerCommit);
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            if (reader.TryPeek(out var first) && first.OutsideTransaction && reader.TryRead(out first))
            {
                RunAlone(first);
                continue;
            }

            // A group ends before work that must run alone (this is the only reader: what was peeked is what is read).
            batch.Clear();
            while (batch.Count < _maxWritesPerCommit && reader.TryPeek(out var next) && !next.OutsideTransaction && reader.TryRead(out next))
            {
                batch.Add(next);
            }

            CommitBatch(batch);
        }
    }

    private void CommitBatch(List<WriteOperation> batch)
    {
        try
        {
            _statements.Execute("BEGIN IMMEDIATE");
            foreach (var operation in batch)
            {
                _statements.Execute("SAVEPOINT write");
                try
                {
                    operation.Run(_statements);
                    _statements.Execute("RELEASE write");
                }
                catch (Exception ex)
                {
                    _statements.Execute("ROLLBACK TO write");
                    _statements.Execute("RELEASE write");
                    operation.Fail(ex);
                }
            }

            _statements.Execute("COMMIT");
            Commits++;
            Writes += batch.Count;
            batch.ForEach(operation => operation.Complete());
        }
        catch (Exception ex)
        {
            TryRollback();
            batch.ForEach(operation => operation.Fail(ex));
        }
    }

    private void RunAlone(WriteOperation operation)
    {
        try
        {
            operation.Run(_statements);
            operation.Complete();
        }
        catch (Exception ex)
        {
            operation.Fail(ex);
        }
    }

    private void TryRollback()
    {
        try
        {
            _statements.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // No transaction was open, or the connection cannot roll back; the next BEGIN reports a lasting problem.
        }
    }

    private abstract class WriteOperation
    {
        /// <summary>Runs alone outside any transaction (see <see cref="RunAloneAsync"/>), not in a group commit.</summary>
        public abstract bool OutsideTransaction { get; }

        public abstract void Run(StatementCache statements);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class WriteOperation<T> : WriteOperation
    {
        private readonly Func<StatementCache, T> _write;
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;
        private Exception? _error;

        public WriteOperation(Func<StatementCache, T> write, bool outsideTransaction)
        {
            _write = write;
            OutsideTransaction = outsideTransaction;
        }

        public override bool OutsideTransaction { get; }

        public Task<T> Task => _completion.Task;

        public override void Run(StatementCache statements) => _result = _write(statements);

        public override void Complete()
        {
            if (_error is null)
            {
                _completion.TrySetResult(_result);
            }
            else
            {
                _completion.TrySetException(_error);
            }
        }

        public override void Fail(Exception exception)
        {
            _error ??= exception;
            _completion.TrySetException(exception);
        }
    }
}
