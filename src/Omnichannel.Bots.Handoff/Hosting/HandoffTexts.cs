namespace Omnichannel.Bots.Handoff;

/// <summary>
/// What the customer is told around a handoff, in Markdown; <c>{wait}</c>, <c>{position}</c>, <c>{hours}</c> and
/// <c>{opens}</c> are filled in. Set them in code (<c>AddHandoff(o =&gt; o.Texts...)</c>) to match your brand's voice.
/// </summary>
public sealed class HandoffTexts
{
    /// <summary>An agent is free now.</summary>
    public string Connecting { get; set; } =
        "I'm bringing in a person from our team. They'll see this conversation, so you won't need to repeat yourself. Expected wait: {wait}.";

    /// <summary>Open, but every agent is busy (or none is signed in).</summary>
    public string AllBusy { get; set; } =
        "Everyone on our team is helping other customers right now. You're number {position} in line; the expected wait is {wait}. You can leave this chat open: we'll reply here, and you won't need to repeat yourself.";

    /// <summary>Open, but no agent is signed in to the workspace right now.</summary>
    public string NobodyAvailable { get; set; } =
        "No one from our team is in the chat right now. You're number {position} in line: a person will reply here as soon as one is free, and they'll see this conversation.";

    /// <summary>Outside business hours.</summary>
    public string Closed { get; set; } =
        "Our team is available {hours}, and we're closed right now. I've kept your place in line: a person will reply here when we open ({opens}), and they'll see this conversation.";

    /// <summary>No agent workspace reports who is present (an external help desk takes handoffs).</summary>
    public string Queued { get; set; } =
        "I'm passing this conversation to our team. A person will reply here as soon as one is free, and they'll see everything we've said.";

    /// <summary>The customer wrote while already waiting on another channel: their message was passed on.</summary>
    public string StillWaiting { get; set; } = "Thanks, I've passed that on: the person helping you will see it.";

    /// <summary>The bot has the conversation again after an agent.</summary>
    public string BackToBot { get; set; } =
        "You're chatting with our virtual assistant again. Ask me anything, or say **agent** to talk to a person.";

    /// <summary>The rating question (choices 1-5 are offered with it).</summary>
    public string AskCsat { get; set; } =
        "How did we do today? Reply with a number from 1 (poor) to 5 (excellent).";

    public string ThanksForRating { get; set; } = "Thank you for rating us: it helps us get better.";

    /// <summary>Resolving: said before the rating question.</summary>
    public string Resolved { get; set; } = "Thanks for contacting us. This conversation is marked as resolved.";

    /// <summary>
    /// The customer asked for a person again past <c>Limits:HandoffsPerCustomer</c>: no new request is opened;
    /// <c>{retry}</c> is when they may ask again.
    /// </summary>
    public string HandoffLimitReached { get; set; } =
        "Our team has already taken your recent requests for a person, and they can see this whole conversation. I can't open another one just now: you can ask for a person again from {retry}. Meanwhile, I'm happy to keep helping here.";

    /// <summary>The customer declined a clarifying offer of a person.</summary>
    public string KeepGoing { get; set; } = "OK, let's keep going. What can I help you with?";
}
