using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// The values a turn's dialog asked the customer for and the ones the customer gave, by slot name (a form's slot, a
/// prompt step's name), committed with the turn so a feature that follows the customer's journey can tell when a value
/// already given is asked for again (journey metrics' context preservation). Forms and prompt steps note them; a custom
/// dialog notes its own with <see cref="NoteGiven"/> and <see cref="NoteAsked"/>. Name the same value the same way in
/// every dialog (<c>order-number</c>) so a second dialog asking for it again is recognized.
/// </summary>
/// <param name="Given">The slots the customer gave a value for in this turn, in order.</param>
/// <param name="Asked">The slots the bot asked for in this turn, in order.</param>
public sealed record SlotActivity(IReadOnlyList<string> Given, IReadOnlyList<string> Asked) : TurnRecord
{
    /// <summary>Notes on <paramref name="turn"/> that the customer gave a value for <paramref name="slot"/>.</summary>
    public static void NoteGiven(TurnContext turn, string slot) => Note(turn, slot, asked: false);

    /// <summary>Notes on <paramref name="turn"/> that the bot asked the customer for <paramref name="slot"/>.</summary>
    public static void NoteAsked(TurnContext turn, string slot) => Note(turn, slot, asked: true);

    private static void Note(TurnContext turn, string slot, bool asked)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrWhiteSpace(slot);
        var current = turn.Records.OfType<SlotActivity>().FirstOrDefault() ?? new SlotActivity([], []);
        turn.SetRecord(asked ? current with { Asked = [.. current.Asked, slot] } : current with { Given = [.. current.Given, slot] });
    }
}
