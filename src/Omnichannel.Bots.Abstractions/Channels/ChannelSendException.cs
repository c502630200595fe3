namespace Omnichannel.Bots;

/// <summary>
/// A provider refused or failed a send. <see cref="IsTransient"/> says whether trying again can succeed (a 429, a
/// 5xx, a timeout); a permanent failure (a closed 24-hour window, an opted-out number) is not retried.
/// </summary>
public sealed class ChannelSendException : Exception
{
    public ChannelSendException(string message, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    public bool IsTransient { get; }

    /// <summary>How long the provider asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
