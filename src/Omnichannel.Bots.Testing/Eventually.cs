namespace Omnichannel.Bots.Testing;

/// <summary>
/// Waits for something the bot does in the background; fails the test (never hangs it) after a generous real-time
/// limit, with a <see cref="TimeoutException"/> saying what did not happen.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The limit for a host's start-up (knowledge loaded and calibrated, storage open): the slowest thing a test waits
    /// for, and on a loaded 2-core machine it has taken over 30 s.
    /// </summary>
    public static readonly TimeSpan StartUpLimit = TimeSpan.FromMinutes(3);

    public static Task UntilAsync(Func<bool> condition, string description, Func<string>? diagnostics = null) =>
        UntilAsync(() => Task.FromResult(condition()), description, diagnostics);

    public static Task UntilAsync(Func<Task<bool>> condition, string description, Func<string>? diagnostics = null) =>
        UntilAsync(condition, description, Limit, diagnostics);

    /// <param name="condition">Looked at every 10 ms until it is true.</param>
    /// <param name="description">What is awaited, for the failure message ("the bot to say 'hi'").</param>
    /// <param name="limit">How long to wait (real time) before failing; <see cref="Limit"/> unless the wait is a start-up.</param>
    /// <param name="diagnostics">What the failure message adds (the state seen last).</param>
    public static async Task UntilAsync(Func<Task<bool>> condition, string description, TimeSpan limit, Func<string>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + limit;
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s (real time) for {description}; it did not happen.{Environment.NewLine}{diagnostics?.Invoke()}");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }
}
