using System.Collections.Frozen;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// A menu that also takes questions: a picked <c>kb:</c> option of an earlier knowledge reply (tapped, or "2" on SMS),
/// the options of <see cref="Menu"/> as it recognizes them (a tap, "2", a title or synonym in a sentence), or else any free text (not a
/// greeting or other small talk) as a question: <c>Choice(KnowledgeChoices.Question, text)</c>. Route that to the
/// <see cref="KnowledgeDialog"/>; create it with <c>menu.OrQuestion()</c>.
/// </summary>
public sealed record QuestionOrChoicePrompt : Prompt<QuestionOrChoicePrompt, Choice>
{
    private static readonly FrozenSet<string> DefaultSmallTalk = new[]
    {
        "hi", "hello", "hey", "hiya", "howdy", "yo", "hi there", "hello there", "hey there", "good morning", "good afternoon",
        "good evening", "morning", "thanks", "thank you", "thanks a lot", "cheers", "ok", "okay", "yes", "no", "bye", "goodbye",
    }.ToFrozenSet(StringComparer.Ordinal);

    public QuestionOrChoicePrompt(ChoicePrompt menu)
        : base(menu?.Text ?? throw new ArgumentNullException(nameof(menu)))
    {
        Menu = menu;
        RetryText = menu.RetryText;
        ExhaustedText = menu.ExhaustedText;
        MaxAttempts = menu.MaxAttempts;
        Exhaustion = menu.Exhaustion;
        AnswersFromCurrentMessage = menu.AnswersFromCurrentMessage;
    }

    /// <summary>The options, their synonyms, and the question asked.</summary>
    public ChoicePrompt Menu { get; }

    /// <summary>Whole messages that are not questions (compared in lower case, punctuation ignored): greetings, thanks, yes/no.</summary>
    public IReadOnlySet<string> SmallTalk { get; init; } = DefaultSmallTalk;

    public override IReadOnlyList<Choice> Choices => Menu.Choices;

    /// <summary>Told to the customer when the message is neither an option nor a question (say, "thanks").</summary>
    public string NotRecognizedText { get; init; } = "Please pick one of the options, or type your question.";

    protected override string NotRecognizedReason => NotRecognizedText;

    /// <summary>The menu option the message names, or null (for steps that route a message themselves).</summary>
    public Choice? RecognizeOption(string? text, string? value) =>
        ChoiceRecognizer.Recognize(text, value, Menu.Choices, Menu.Synonyms);

    /// <summary>True when <paramref name="text"/> reads as a question for the knowledge base: some letters, and not small talk.</summary>
    public bool IsQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Count(char.IsLetter) < 2)
        {
            return false;
        }

        var words = string.Join(' ', text.ToLowerInvariant().Split(
            (char[])[' ', '\t', '\r', '\n', '.', ',', '!', '?', ';', ':', '\'', '"', '(', ')', '-'], StringSplitOptions.RemoveEmptyEntries));
        return !SmallTalk.Contains(words);
    }

    /// <summary>
    /// What <paramref name="message"/> picks, read as this prompt reads an answer (a menu option, a tapped <c>kb:</c>
    /// option, or a question), or null: for a step that takes the customer's next message without asking again, such
    /// as the message after a knowledge answer.
    /// </summary>
    public Choice? Recognize(BotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Recognize(message.Text, message.Value);
    }

    protected override bool TryRecognize(PromptInput input, out Choice value)
    {
        ArgumentNullException.ThrowIfNull(input);
        value = Recognize(input.Text, input.Value)!;
        return value is not null;
    }

    private Choice? Recognize(string? text, string? value)
    {
        // A picked option of a knowledge reply first: its text ("1" on SMS) may also read as a menu option.
        if (KnowledgeChoices.IsKnowledgeValue(value))
        {
            return new Choice(value, string.IsNullOrWhiteSpace(text) ? value : text);
        }

        if (RecognizeOption(text, value) is { } option)
        {
            return option;
        }

        return IsQuestion(text) ? new Choice(KnowledgeChoices.Question, text!.Trim()) : null;
    }

    protected override IReadOnlyList<Recognized<Choice>> Extract(PromptInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChoiceRecognizer.FindAll(input.Text, Menu.Choices, Menu.Synonyms);
    }
}
