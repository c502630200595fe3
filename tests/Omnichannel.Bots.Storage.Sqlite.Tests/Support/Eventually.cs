using Xunit.Sdk;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>Waits for something the bot does in the background; fails the test (never hangs it) after a generous real-time limit.</summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<bool> condition, string description, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new XunitException($"Waited {Limit.TotalSeconds:0} s (real time) for {description}; it did not happen.{Environment.NewLine}{diagnostics?.Invoke()}");
            }

            await Task.Delay(10);
        }
    }
}
