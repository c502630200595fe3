using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Customers;

/// <summary>
/// The link-code turn middleware (order <see cref="TurnMiddlewareOrder.LinkCodes"/>, before the dialog): a message that
/// carries a code is answered with the link's outcome, a message asking to continue on another channel with a code for
/// it; neither reaches the dialog. Everything else passes on untouched.
/// </summary>
public sealed class LinkCodeMiddleware
{
    private readonly LinkCodes _codes;
    private readonly LinkCodePhrases _phrases;

    public LinkCodeMiddleware(LinkCodes codes, IOptions<LinkCodeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(options);
        _codes = codes;
        _phrases = new LinkCodePhrases(options.Value, codes.Targets);
    }

    public async Task InvokeAsync(TurnContext turn, TurnHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        if (LinkCodeText.TryRead(turn.Message, out var code))
        {
            var redemption = await _codes.RedeemAsync(turn, code, cancellationToken).ConfigureAwait(false);
            await turn.ReplyAsync(redemption.Text, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_phrases.Match(turn.Message.Text) is { } target)
        {
            var offer = await _codes.OfferAsync(turn, target, cancellationToken).ConfigureAwait(false);
            await turn.ReplyAsync(offer.Text, cancellationToken).ConfigureAwait(false);
            return;
        }

        await next(turn, cancellationToken).ConfigureAwait(false);
    }
}
