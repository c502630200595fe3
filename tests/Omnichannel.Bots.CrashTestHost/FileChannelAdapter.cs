using System.Text;

namespace Omnichannel.Bots.CrashTestHost;

/// <summary>"Sends" by appending "outbox-message-id TAB text" to sent.log and flushing it to disk.</summary>
public sealed class FileChannelAdapter : ChannelAdapter
{
    public static readonly ChannelProfile CrashProfile = new(new ChannelId("crashtest"), new ChannelCapabilities { MaxTextLength = 1000 });

    private readonly string _path;
    private readonly CrashSwitch _crash;
    private readonly Lock _gate = new();

    public FileChannelAdapter(string path, CrashSwitch crash)
    {
        _path = path;
        _crash = crash;
    }

    public override ChannelProfile Profile => CrashProfile;

    public override Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        _crash.BlockIfFrozen();
        _crash.HoldIfCrashReply(CrashObserver.ProviderIdOfReply(message.Id));
        lock (_gate)
        {
            using var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            var line = Encoding.UTF8.GetBytes(message.Id + "\t" + message.Text + "\n");
            file.Write(line);
            file.Flush(flushToDisk: true);
        }

        // Reply ids are out-{inbox sequence}-{n}; the crash message is named by its provider id, which the observer maps.
        _crash.Reach(CrashSwitch.AfterSend, CrashObserver.ProviderIdOfReply(message.Id));
        return Task.FromResult(new SendReceipt(message.Id));
    }
}
