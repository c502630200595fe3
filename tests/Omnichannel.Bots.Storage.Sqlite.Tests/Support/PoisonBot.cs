using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>The counting bot over a <see cref="PoisonTurnStore"/>, and helpers to drive its fake clock through the retries.</summary>
public static class PoisonBot
{
    public static Task<TestBot> StartAsync(PoisonTurnStore store, string? dataDirectory = null, int? maxTurnAttempts = null, TurnProbe? probe = null) =>
        TestBot.StartAsync(
            bot => bot.AddRootDialog<CountingDialog>(),
            services =>
            {
                services.AddSingleton(probe ?? new TurnProbe());
                services.AddSingleton<ITurnStore>(sp =>
                {
                    store.Inner = new SqliteTurnStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>());
                    return store;
                });
                if (maxTurnAttempts is { } max)
                {
                    services.Configure<BotOptions>(o => o.MaxTurnAttempts = max);
                }
            },
            dataDirectory: dataDirectory);

    /// <summary>Moves the fake clock a second at a time (retry backoff, the put-back poll) until <paramref name="condition"/> holds.</summary>
    public static Task AdvanceUntilAsync(this TestBot bot, Func<bool> condition, string description) =>
        Eventually.UntilAsync(
            () =>
            {
                if (condition())
                {
                    return true;
                }

                bot.Time.Advance(TimeSpan.FromSeconds(1));
                return false;
            },
            description,
            () => string.Join(" | ", bot.Channel(ChannelId.Sms).Sent.Select(m => m.Text)));

    /// <summary>The texts the SMS channel delivered.</summary>
    public static IReadOnlyList<string?> SmsTexts(this TestBot bot) => [.. bot.Channel(ChannelId.Sms).Sent.Select(m => m.Text)];

    /// <summary>The inbox row of a message: status, attempts, parked_at (Unix ms), error.</summary>
    public static object?[] InboxRow(this TestBot bot, long sequence) =>
        Rows.Query(bot.DatabaseFile(), "SELECT status, attempts, parked_at, error FROM inbox WHERE seq = @p1", sequence).Single();
}
