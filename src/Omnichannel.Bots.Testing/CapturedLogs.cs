using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bots.Testing;

/// <summary>
/// A logger provider that keeps every entry the host writes, for tests that assert what was (not) logged: the entries
/// (<see cref="Entries"/>), and each as one line with its state's values and its scopes (<see cref="Lines"/>), for
/// checks that a secret appears nowhere.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            owner._entries.Enqueue(new CapturedLog(category, logLevel, message, exception));
            var line = $"{logLevel} {category}: {message} {exception}";
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                line += " | " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
            }

            owner._scopes.ForEachScope((scope, _) => line += " | scope " + scope, (object?)null);
            owner.Lines.Enqueue(line);
        }
    }
}
