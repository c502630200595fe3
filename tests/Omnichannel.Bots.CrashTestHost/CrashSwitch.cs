namespace Omnichannel.Bots.CrashTestHost;

/// <summary>
/// The named points of a turn where the crash test kills this process. When the turn of the chosen message reaches
/// the chosen point, sends are frozen (so nothing else reaches the channel), "REACHED point" is printed, and the
/// thread blocks until the test kills the process.
/// </summary>
public sealed class CrashSwitch
{
    public const string AfterInboxWrite = "after-inbox-write";
    public const string MidDialog = "mid-dialog";
    public const string AfterStateWrite = "after-state-write";
    public const string AfterSend = "after-send";

    private volatile bool _frozen;

    public CrashSwitch(string? point, string? messageId)
    {
        Point = point;
        MessageId = messageId;
    }

    public string? Point { get; }

    public string? MessageId { get; }

    public bool Frozen => _frozen;

    public void Reach(string point, string messageId)
    {
        if (point != Point || messageId != MessageId)
        {
            return;
        }

        _frozen = true;
        Console.Out.WriteLine("REACHED " + point);
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
    }

    /// <summary>
    /// Holds a reply to the crash message until the process dies, unless the crash point is in the send itself: the
    /// outbox's poll could otherwise send it between the turn's commit and the after-state-write point, which would be
    /// the (allowed, but here unwanted) duplicate window of a kill after the send instead of the point under test.
    /// </summary>
    public void HoldIfCrashReply(string providerMessageId)
    {
        if (Point is not null && Point != AfterSend && providerMessageId == MessageId)
        {
            Thread.Sleep(Timeout.Infinite);
        }
    }

    /// <summary>Once a crash point is reached, every send blocks so the process dies with exactly that state on disk.</summary>
    public void BlockIfFrozen()
    {
        if (Frozen)
        {
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
