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

    public CrashSwitch(string? point, string? messageId)
    {
        Point = point;
        MessageId = messageId;
    }

    public string? Point { get; }

    public string? MessageId { get; }

    public bool Frozen { get; private set; }

    public void Reach(string point, string messageId)
    {
        if (point != Point || messageId != MessageId)
        {
            return;
        }

        Frozen = true;
        Console.Out.WriteLine("REACHED " + point);
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
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
