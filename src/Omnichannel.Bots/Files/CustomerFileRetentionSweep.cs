using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Files;

/// <summary>
/// Deletes customer files (every channel's) older than <c>Limits:UploadRetention</c>: at start, then every
/// <c>Limits:UploadSweepInterval</c> on the host's <see cref="TimeProvider"/>. A deleted file's link answers 404.
/// </summary>
internal sealed partial class CustomerFileRetentionSweep : BackgroundService
{
    private readonly CustomerFileStore _files;
    private readonly TimeProvider _time;
    private readonly LimitsOptions _limits;
    private readonly ILogger<CustomerFileRetentionSweep> _logger;

    public CustomerFileRetentionSweep(CustomerFileStore files, TimeProvider time, IOptions<LimitsOptions> limits, ILogger<CustomerFileRetentionSweep> logger)
    {
        _files = files;
        _time = time;
        _limits = limits.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_limits.UploadSweepInterval, _time);
        do
        {
            try
            {
                var deleted = _files.DeleteSavedBefore(_time.GetUtcNow() - _limits.UploadRetention);
                if (deleted > 0)
                {
                    LogDeleted(_logger, deleted);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogFailed(_logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} customer files past their retention period.")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The customer file sweep failed; it runs again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
