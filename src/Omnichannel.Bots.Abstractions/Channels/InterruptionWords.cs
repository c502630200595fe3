namespace Omnichannel.Bots;

/// <summary>
/// The words for each interruption on one channel. A single word counts only as the whole message ("help", not
/// "can you help me track my order"); a phrase of two or more words counts anywhere in the message ("can I talk to
/// a person please").
/// </summary>
public sealed record InterruptionWords
{
    public IReadOnlyList<string> Help { get; init; } = [];

    public IReadOnlyList<string> Cancel { get; init; } = [];

    public IReadOnlyList<string> StartOver { get; init; } = [];

    public IReadOnlyList<string> Agent { get; init; } = [];

    public static InterruptionWords Default { get; } = new()
    {
        Help = ["help", "?", "what can you do", "what can i say", "i need help"],
        Cancel = ["cancel", "stop", "quit", "exit", "menu", "main menu", "never mind", "nevermind", "forget it"],
        StartOver = ["start over", "restart", "reset", "start again", "begin again"],
        Agent = AgentPhrases,
    };

    /// <summary>
    /// SMS: a whole-message STOP, CANCEL, QUIT, HELP or INFO belongs to the carrier (opt-out and help compliance), so the
    /// dialog's exit word is "menu" and help is asked for in more than one word.
    /// </summary>
    public static InterruptionWords Sms { get; } = new()
    {
        Help = ["what can you do", "what can i say", "i need help", "help me"],
        Cancel = ["menu", "main menu", "never mind", "nevermind", "forget it"],
        StartOver = ["start over", "restart", "start again", "begin again"],
        Agent = AgentPhrases,
    };

    private static string[] AgentPhrases =>
    [
        "agent", "human", "person", "representative", "operator", "real person",
        "talk to a person", "speak to a person", "talk to someone", "speak to someone", "talk to a human",
        "speak to a human", "talk to an agent", "speak to an agent", "customer service", "live agent", "human agent",
        "real human",
    ];

    /// <summary>The phrases of one interruption.</summary>
    public IReadOnlyList<string> For(Interruption interruption) => interruption switch
    {
        Interruption.Help => Help,
        Interruption.Cancel => Cancel,
        Interruption.StartOver => StartOver,
        Interruption.Agent => Agent,
        _ => throw new ArgumentOutOfRangeException(nameof(interruption)),
    };
}
