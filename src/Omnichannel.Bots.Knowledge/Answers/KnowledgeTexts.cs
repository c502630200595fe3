namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// What the bot says around knowledge answers, in Markdown. Set them to match your brand's voice (for example in
/// <c>AddKnowledgeAnswers(o =&gt; o.Texts.NotSure = "...")</c>).
/// </summary>
public sealed class KnowledgeTexts
{
    /// <summary>The citation under an answer; <c>{title}</c> becomes the article's title (a link where the channel shows links).</summary>
    public string Citation { get; set; } = "Source: {title}";

    /// <summary>Introduces the related articles offered as follow-up options; empty to offer them without a line.</summary>
    public string Related { get; set; } = "Related questions:";

    /// <summary>Said when no article is confident enough.</summary>
    public string NotSure { get; set; } = "I'm not sure I can answer that.";

    /// <summary>Follows <see cref="NotSure"/> when the closest topics are offered.</summary>
    public string ClosestTopics { get; set; } = "Is your question about one of these?";

    /// <summary>Follows <see cref="NotSure"/> when nothing came close.</summary>
    public string Rephrase { get; set; } = "Could you put it another way? Or I can put you through to a person.";

    /// <summary>Asked when two articles are too close to tell apart.</summary>
    public string DidYouMean { get; set; } = "Did you mean one of these?";

    /// <summary>The title of the option that hands the conversation to a person.</summary>
    public string TalkToPerson { get; set; } = "Talk to a person";

    /// <summary>Said when the knowledge base cannot be asked (it failed or is still loading).</summary>
    public string Unavailable { get; set; } = "Sorry, I can't look that up right now. Please try again in a moment, or talk to a person.";

    /// <summary>Said when the knowledge base could not answer several questions in a row, before a person takes over.</summary>
    public string StillNotSure { get; set; } = "Sorry, I still can't find an answer to that.";

    /// <summary>Said when the conversation is handed to a person.</summary>
    public string Handoff { get; set; } =
        "I'm bringing in a person from our team. They'll see this conversation, so you won't need to repeat yourself.";

    /// <summary>Said when the customer asks for help while the knowledge dialog waits for a question.</summary>
    public string Help { get; set; } =
        "Ask me a question in your own words, or pick one of the options. Say **menu** to go back to the start, or **agent** to talk to a person.";

    /// <summary>Said when the message holds no question (an empty message, or only a picture).</summary>
    public string AskForQuestion { get; set; } = "What would you like to know? Please type your question.";
}
