using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Testing;

/// <summary>
/// Waits until a running bot has nothing left to do for what it accepted so far: no inbox row waits for its turn and
/// no reply is due in the outbox. A message a host accepted is in the inbox before its HTTP response, and a turn
/// commits its inbox row and its replies together, so once both are empty every accepted message's turn has run and
/// its replies were handed to their channel; nothing more happens until something new arrives or a held retry comes
/// due (a reply waiting for a later retry is not due, so it is not waited for).
/// </summary>
public static class BotIdle
{
    /// <param name="services">The host's services (its <see cref="IInboxStore"/> and <see cref="IOutboxStore"/>).</param>
    public static async Task WaitAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var inbox = services.GetRequiredService<IInboxStore>();
        var outbox = services.GetRequiredService<IOutboxStore>();
        int pending = 0, due = 0;
        await Eventually.UntilAsync(
            async () =>
            {
                // Inbox first: a turn that commits between the two reads has its replies in the outbox by then.
                pending = (await inbox.LoadPendingAsync(CancellationToken.None).ConfigureAwait(false)).Count;
                due = pending == 0 ? (await outbox.LoadDueAsync(1, CancellationToken.None).ConfigureAwait(false)).Count : due;
                return pending == 0 && due == 0;
            },
            "the bot to finish every accepted message (inbox processed, outbox sent)",
            () => $"{pending} inbox rows pending, {due} outbox rows due").ConfigureAwait(false);
    }
}
