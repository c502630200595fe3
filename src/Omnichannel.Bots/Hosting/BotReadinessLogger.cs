using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots;

/// <summary>
/// Writes one log line when the host has started and every readiness check (<see cref="BotReadiness.Tag"/>) passes,
/// so an operator sees when the bot began to answer; until then it looks again every <see cref="PollInterval"/>. It runs
/// the checks itself rather than through <see cref="HealthCheckService"/>, which logs every result that is not
/// healthy (a bot still loading its knowledge is no warning, four times a second).
/// </summary>
internal sealed partial class BotReadinessLogger(
    IOptions<HealthCheckServiceOptions> options,
    IServiceScopeFactory scopes,
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
            var checks = options.Value.Registrations.Where(r => r.Tags.Contains(BotReadiness.Tag)).ToList();
            while (true)
            {
                var results = await CheckAsync(checks, stoppingToken).ConfigureAwait(false);
                if (results.All(r => r.Result.Status == HealthStatus.Healthy))
                {
                    var described = results.Count == 0
                        ? "no readiness checks"
                        : string.Join("; ", results.Select(r => $"{r.Name}: {r.Result.Description}"));
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

    private async Task<List<(string Name, HealthCheckResult Result)>> CheckAsync(List<HealthCheckRegistration> checks, CancellationToken cancellationToken)
    {
        List<(string, HealthCheckResult)> results = [];
        foreach (var registration in checks)
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                HealthCheckResult result;
                try
                {
                    var check = registration.Factory(scope.ServiceProvider);
                    result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    result = HealthCheckResult.Unhealthy(exception.Message, exception);
                }

                results.Add((registration.Name, result));
            }
        }

        return results;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The bot is ready ({Milliseconds:F0} ms after the host started): {Checks}")]
    private partial void LogReady(double milliseconds, string checks);
}
