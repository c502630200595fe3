using System.Globalization;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// What the suite's dialog (<see cref="ConformanceDialog"/>) says and offers on one channel profile: an echo of any
/// text, a choice prompt of three short options, one of more and longer options than the channel allows as buttons,
/// and an answer longer than the channel's text limit. Commands avoid every interruption word ("help", "menu", "stop").
/// </summary>
public sealed class ConformanceScript
{
    public const string ShowOptions = "show options";
    public const string ShowManyOptions = "show many options";
    public const string ShowLongAnswer = "show a long answer";
    public const string PromptText = "Which one would you like?";

    public ConformanceScript(ChannelProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var capabilities = profile.Capabilities;
        FewOptions = [new Choice("apples", "Apples"), new Choice("bananas", "Bananas"), new Choice("cherries", "Cherries")];
        ManyOptions = [.. Enumerable.Range(1, Math.Max(capabilities.MaxButtons + 1, 3)).Select(n => LongOption(n, OverLimitTitleLength(capabilities)))];
        LongAnswerSentences = [.. Enumerable.Range(1, ((2 * capabilities.MaxTextLength) / Sentence(1).Length) + 2).Select(Sentence)];
    }

    /// <summary>Three options with short titles: buttons on every channel that has at least three.</summary>
    public IReadOnlyList<Choice> FewOptions { get; }

    /// <summary>One option more than the channel's button count (at least three), each title one character over its title limit (100 characters where it has none).</summary>
    public IReadOnlyList<Choice> ManyOptions { get; }

    /// <summary>The long answer's sentences, in order: together more than twice the channel's text limit.</summary>
    public IReadOnlyList<string> LongAnswerSentences { get; }

    public string LongAnswer => string.Join(' ', LongAnswerSentences);

    /// <summary>The dialog's answer to any other text.</summary>
    public static string Echo(string text) => "Received: " + text;

    /// <summary>The step after a choice: what the dialog says once an option is picked.</summary>
    public static string Picked(string title) => $"You picked {title}.";

    private static int OverLimitTitleLength(ChannelCapabilities capabilities) =>
        capabilities.MaxButtonTitleLength < 1000 ? capabilities.MaxButtonTitleLength + 1 : 100;

    /// <summary>"Option 07 with a long title" cut or padded with x to exactly <paramref name="length"/> characters.</summary>
    private static Choice LongOption(int number, int length)
    {
        var start = string.Create(CultureInfo.InvariantCulture, $"Option {number:D2} with a long title");
        var title = start.Length >= length ? start[..length] : start + new string('x', length - start.Length);
        return new Choice(string.Create(CultureInfo.InvariantCulture, $"option-{number}"), title);
    }

    private static string Sentence(int number) => string.Create(CultureInfo.InvariantCulture, $"Part {number:D4} of the long answer.");
}
