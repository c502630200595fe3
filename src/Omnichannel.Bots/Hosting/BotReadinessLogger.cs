using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bots;

/// <summary>
/// Writes one log line when the host has started and every readiness check (<see cref="BotReadiness.Tag"/>) passes,
/// so an operator sees when the bot began to answer; until then it looks again every <see cref="PollInterval"/>.
/// </summary>
internal sealed partial class BotReadinessLogger(
    HealthCheckService health,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<BotReadinessLogger> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            }

            var since = time.GetTimestamp();
            while (true)
            {
                var report = await health.CheckHealthAsync(r => r.Tags.Contains(BotReadiness.Tag), stoppingToken).ConfigureAwait(false);
                if (report.Status == HealthStatus.Healthy)
                {
                    var described = report.Entries.Count == 0
                        ? "no readiness checks"
                        : string.Join("; ", report.Entries.Select(e => $"{e.Key}: {e.Value.Description}"));
                    LogReady(time.GetElapsedTime(since).TotalMilliseconds, described);
                    return;
                }

                await Task.Delay(PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The bot is ready ({Milliseconds:F0} ms after the host started): {Checks}")]
    private partial void LogReady(double milliseconds, string checks);
}
