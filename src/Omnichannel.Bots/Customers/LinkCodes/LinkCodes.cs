using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Identity;

namespace Omnichannel.Bots.Customers;

/// <summary>
/// "Continue on WhatsApp / Telegram / SMS": gives a customer a one-time code (and a link carrying it) for another
/// channel, and links the sender of that code on the other channel to them with provenance
/// <see cref="IdentityProvenance.LinkCode"/> (<see cref="ICustomerLinks.LinkAsync"/>, merging the two customers).
/// The link-code middleware calls it for the configured phrases and for messages that carry a code; a dialog can call
/// <see cref="OfferAsync"/> itself (a "continue elsewhere" button). Codes are stored hashed, expire after
/// <see cref="LinkCodeOptions.Lifetime"/>, work once, are issued at most <see cref="LinkCodeOptions.IssuesPerCustomer"/>,
/// and wrong ones are throttled per sender and overall, all on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class LinkCodes
{
    private readonly ILinkCodeStore _store;
    private readonly ICustomerLinks _links;
    private readonly IReadOnlyDictionary<ChannelId, IChannelLinkTarget> _targets;
    private readonly IOptions<LinkCodeOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LinkCodes> _logger;

    public LinkCodes(
        ILinkCodeStore store,
        ICustomerLinks links,
        IEnumerable<IChannelLinkTarget> targets,
        IOptions<LinkCodeOptions> options,
        TimeProvider time,
        ILogger<LinkCodes> logger)
    {
        ArgumentNullException.ThrowIfNull(targets);
        _store = store;
        _links = links;
        _targets = targets.GroupBy(t => t.Channel).ToDictionary(g => g.Key, g => g.First());
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The channels a customer can ask for: those with a link target, and the shipped ones that have links (explained when not set up).</summary>
    public IEnumerable<ChannelId> Targets => _targets.Keys.Union([ChannelId.WhatsApp, ChannelId.Telegram, ChannelId.Sms]);

    /// <summary>
    /// A new code for the turn's customer to continue on <paramref name="target"/>, with the sentence that tells them how
    /// (or why they cannot: already there, the channel is not set up, too many codes lately). Send <see cref="LinkCodeOffer.Text"/>.
    /// </summary>
    public async Task<LinkCodeOffer> OfferAsync(TurnContext turn, ChannelId target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var name = target.DisplayName;
        if (target == turn.Message.Channel)
        {
            return new LinkCodeOffer(LinkCodeOfferStatus.SameChannel, $"You are already on {name}.");
        }

        if (!_targets.TryGetValue(target, out var channel) || channel.Unavailable is not null)
        {
            LogUnavailable(_logger, target.Value, channel?.Unavailable ?? $"no adapter for '{target.Value}' that offers links is registered");
            return new LinkCodeOffer(LinkCodeOfferStatus.Unavailable, $"Sorry, continuing on {name} is not available here.");
        }

        var options = _options.Value;
        var code = LinkCodeText.Generate();
        var now = _time.GetUtcNow();
        var expiresAt = now + options.Lifetime;
        var grant = new LinkCodeGrant(LinkCodeText.Hash(code), turn.Customer.Id, turn.Message.Channel, target, now, expiresAt);
        if (!await _store.TryIssueAsync(grant, options.IssuesPerCustomer, cancellationToken).ConfigureAwait(false))
        {
            LogTooMany(_logger, turn.Customer.Id);
            return new LinkCodeOffer(
                LinkCodeOfferStatus.TooMany,
                "You have asked for several codes lately, so please use the last one you got or try again later.");
        }

        var shown = LinkCodeText.Format(code);
        var invitation = channel.Invite(shown);
        var minutes = (int)Math.Ceiling(options.Lifetime.TotalMinutes);
        LogIssued(_logger, turn.Customer.Id, turn.Message.Channel.Value, target.Value);
        return new LinkCodeOffer(
            LinkCodeOfferStatus.Issued,
            string.Create(CultureInfo.InvariantCulture, $"To continue on {name}, {invitation.Instruction} within {minutes} minutes (code {shown}, it works once)."),
            shown,
            invitation.Link,
            expiresAt);
    }

    /// <summary>
    /// Uses <paramref name="code"/> (as <see cref="LinkCodeText.TryRead"/> read it) for the turn's sender: links their
    /// channel key to the code's customer, or says why not. Send <see cref="LinkCodeRedemption.Text"/>.
    /// </summary>
    public async Task<LinkCodeRedemption> RedeemAsync(TurnContext turn, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(code);
        var message = turn.Message;
        var sender = message.Sender ?? throw new ArgumentException("An inbound message has a sender.", nameof(turn));
        var senderKey = IdentityKeys.ForChannel(message.Channel, sender.Id);
        var options = _options.Value;
        var now = _time.GetUtcNow();
        var hash = LinkCodeText.Hash(code);
        var claim = await _store.ClaimAsync(
            new LinkCodeAttempt(hash, senderKey, message.Channel, now, options.WrongAttemptsPerSender, options.WrongAttempts), cancellationToken).ConfigureAwait(false);
        var here = message.Channel.DisplayName;
        switch (claim.Status)
        {
            case LinkCodeClaimStatus.Claimed:
                break;
            case LinkCodeClaimStatus.ClaimedBefore:
                return new LinkCodeRedemption(true, claim.Status, Linked(here, claim));
            case LinkCodeClaimStatus.Throttled:
                LogThrottled(_logger, senderKey);
                var minutes = Math.Max(1, (int)Math.Ceiling(((claim.RetryAfter ?? now) - now).TotalMinutes));
                return new LinkCodeRedemption(false, claim.Status, string.Create(
                    CultureInfo.InvariantCulture, $"There have been too many wrong codes, so please try again in {minutes} minute{(minutes == 1 ? string.Empty : "s")}."));
            default:
                LogRefused(_logger, senderKey, claim.Status);
                return new LinkCodeRedemption(false, claim.Status, Refusal(claim.Status));
        }

        LinkResult result;
        try
        {
            result = await _links.LinkAsync(claim.CustomerId!, new IdentityClaim(senderKey, IdentityProvenance.LinkCode, message.Channel), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLinkFailed(_logger, ex, senderKey, claim.CustomerId!);
            await _store.ReleaseAsync(hash, CancellationToken.None).ConfigureAwait(false);
            return new LinkCodeRedemption(false, claim.Status, "Sorry, linking did not work just now, so please send the code again.");
        }

        LogLinked(_logger, senderKey, result.CustomerId, result.Merge?.FromCustomerId);
        return new LinkCodeRedemption(true, claim.Status, Linked(here, claim), result);
    }

    private static string Linked(string here, LinkCodeClaim claim) =>
        $"Done: this {here} chat is now linked to your {(claim.IssuedOn is { } from ? from.DisplayName : "other")} conversation, so you can carry on here.";

    private static string Refusal(LinkCodeClaimStatus status) => status switch
    {
        LinkCodeClaimStatus.Expired => "That code has expired, so please ask for a new one where you got it.",
        LinkCodeClaimStatus.Used => "That code has already been used, so please ask for a new one where you got it.",
        LinkCodeClaimStatus.SameChannel => "That code links another channel to this chat, so please send it on the channel you asked to continue on.",
        _ => "That code is not valid, so please check it or ask for a new one where you got it.",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A customer asked to continue on {Channel}, which cannot give links: {Reason}.")]
    private static partial void LogUnavailable(ILogger logger, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} asked for too many link codes; none issued.")]
    private static partial void LogTooMany(ILogger logger, string customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued a link code to customer {CustomerId} on {IssuedOn} for {Target}.")]
    private static partial void LogIssued(ILogger logger, string customerId, string issuedOn, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Link code attempt from {SenderKey} throttled (too many wrong codes).")]
    private static partial void LogThrottled(ILogger logger, string senderKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Link code from {SenderKey} refused: {Status}.")]
    private static partial void LogRefused(ILogger logger, string senderKey, LinkCodeClaimStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Linking {SenderKey} to customer {CustomerId} with a link code failed; the code was released.")]
    private static partial void LogLinkFailed(ILogger logger, Exception exception, string senderKey, string customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked {SenderKey} to customer {CustomerId} with a link code (merged away: {MergedCustomerId}).")]
    private static partial void LogLinked(ILogger logger, string senderKey, string customerId, string? mergedCustomerId);
}
