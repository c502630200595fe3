using Microsoft.Extensions.Hosting;
using Omnichannel.Bots.Inbound;

namespace Omnichannel.Bots.Adapters.Console;

/// <summary>
/// Reads the customer's lines from the terminal and hands each to the inbox, waiting until the bot's replies are
/// printed before reading the next. End of input (or <c>/quit</c>) stops the host.
/// </summary>
public sealed class ConsoleChannelService : BackgroundService
{
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(30);

    private readonly IMessageInbox _inbox;
    private readonly ConsoleChannelAdapter _adapter;
    private readonly ConsoleChannelIO _io;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;

    public ConsoleChannelService(IMessageInbox inbox, ConsoleChannelAdapter adapter, ConsoleChannelIO io, IHostApplicationLifetime lifetime, TimeProvider time)
    {
        _inbox = inbox;
        _adapter = adapter;
        _io = io;
        _lifetime = lifetime;
        _time = time;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the prompt appears.
        await Task.Yield();
        var conversation = new ConversationAddress("console", Environment.UserName.Length > 0 ? Environment.UserName : "local");
        await WriteAsync("Type a message (Ctrl+D or /quit to leave).").ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            await WriteAsync("you> ", newLine: false).ConfigureAwait(false);
            var line = await _io.Input.ReadLineAsync(stoppingToken).ConfigureAwait(false);
            if (line is null || line.Trim() == "/quit")
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            await HandleAsync(line, conversation, stoppingToken).ConfigureAwait(false);
        }

        _lifetime.StopApplication();
    }

    private async Task HandleAsync(string line, ConversationAddress conversation, CancellationToken stoppingToken)
    {
        var message = new BotMessage
        {
            Id = "console-" + Guid.CreateVersion7().ToString("N"),
            Channel = ChannelId.Console,
            Conversation = conversation,
            Sender = new Participant(conversation.Id),
            Text = line,
            Timestamp = _time.GetUtcNow(),
        };
        try
        {
            var outcome = await _inbox.SubmitAndWaitAsync(message, stoppingToken).ConfigureAwait(false);
            var ids = outcome.Replies.Select(r => r.Id).ToList();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(ReplyWait);
            await _adapter.WaitForDeliveryAsync(ids, wait.Token).ConfigureAwait(false);
            _adapter.Forget(ids);
        }
        catch (InboundMessageRejectedException ex)
        {
            await WriteAsync("! " + ex.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            await WriteAsync("! The bot did not answer within " + ReplyWait.TotalSeconds + " seconds.").ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(string text, bool newLine = true)
    {
        if (newLine)
        {
            await _io.Output.WriteLineAsync(text).ConfigureAwait(false);
        }
        else
        {
            await _io.Output.WriteAsync(text).ConfigureAwait(false);
        }

        await _io.Output.FlushAsync().ConfigureAwait(false);
    }
}
