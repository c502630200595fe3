using Omnichannel.Bots.Rendering;

namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// The messages the desk sends a customer (an agent's reply, the closing words, the rating question), addressed to the
/// conversation they wrote on last and rendered for its channel.
/// </summary>
internal sealed class DeskMessages(ReplyRenderer renderer, HandoffTexts texts, TimeProvider time)
{
    /// <summary>A new message to the conversation, to adjust with <c>with</c> before <see cref="Render"/>.</summary>
    public BotMessage New(ConversationRecord conversation, string text) => new()
    {
        Id = "desk-" + Guid.NewGuid().ToString("N"),
        Channel = conversation.Channel,
        Conversation = conversation.Address,
        Text = text,
        Locale = conversation.Locale,
        Timestamp = time.GetUtcNow(),
    };

    /// <summary>The message as the channel shows it (split, marked up, options numbered where there are no buttons).</summary>
    public IReadOnlyList<BotMessage> Render(BotMessage message, ChannelProfile profile) =>
        [.. renderer.Render(message, profile.Capabilities).Messages];

    /// <summary>One of the desk's own texts, rendered.</summary>
    public IReadOnlyList<BotMessage> Notice(ConversationRecord conversation, ChannelProfile profile, string text) =>
        Render(New(conversation, text), profile);

    /// <summary>The 1-5 rating question: buttons where the channel shows five; elsewhere its text asks for the number.</summary>
    public IReadOnlyList<BotMessage> RatingQuestion(ConversationRecord conversation, ChannelProfile profile) =>
        Render(New(conversation, texts.AskCsat) with { Choices = profile.Capabilities.StyleFor(HandoffRouter.CsatChoices) is null ? [] : HandoffRouter.CsatChoices }, profile);
}
