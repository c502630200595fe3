namespace Omnichannel.Bots.Testing;

/// <summary>
/// Waits for something the bot does in the background; fails the test (never hangs it) after a generous real-time
/// limit, with a <see cref="TimeoutException"/> saying what did not happen.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static Task UntilAsync(Func<bool> condition, string description, Func<string>? diagnostics = null) =>
        UntilAsync(() => Task.FromResult(condition()), description, diagnostics);

    public static async Task UntilAsync(Func<Task<bool>> condition, string description, Func<string>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + Limit;
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Limit.TotalSeconds:0} s (real time) for {description}; it did not happen.{Environment.NewLine}{diagnostics?.Invoke()}");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }
}
