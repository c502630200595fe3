using System.Collections.Immutable;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots;

/// <summary>
/// One of several options: a tapped button, "2", "the second one", the option's title, or a sentence that names
/// exactly one option ("I want to return something") through its title or synonyms.
/// </summary>
public sealed record ChoicePrompt : Prompt<ChoicePrompt, Choice>
{
    private readonly IReadOnlyList<Choice> _choices;

    public ChoicePrompt(string text, IReadOnlyList<Choice> choices)
        : base(text)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 0)
        {
            throw new ArgumentException("A choice prompt needs at least one choice.", nameof(choices));
        }

        if (choices.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count() != choices.Count)
        {
            throw new ArgumentException("Choice values must be unique.", nameof(choices));
        }

        _choices = choices;
    }

    public override IReadOnlyList<Choice> Choices => _choices;

    /// <summary>More words that pick an option, by the option's value.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Synonyms { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    protected internal override string NotRecognizedReason => "Please pick one of the options.";

    /// <summary>Adds words or phrases that pick the option with <paramref name="value"/> ("where is my parcel" for tracking).</summary>
    public ChoicePrompt WithSynonyms(string value, params string[] synonyms)
    {
        if (!_choices.Any(c => c.Value == value))
        {
            throw new ArgumentException($"There is no choice with value '{value}'.", nameof(value));
        }

        var existing = Synonyms.TryGetValue(value, out var list) ? list : [];
        return this with { Synonyms = Synonyms.SetItem(value, existing.AddRange(synonyms)) };
    }

    protected internal override bool TryRecognize(PromptInput input, out Choice value)
    {
        ArgumentNullException.ThrowIfNull(input);
        value = null!;
        var picked = _choices.FirstOrDefault(c => input.Value is not null && c.Value == input.Value)
            ?? ChoiceMatcher.MatchWhole(input.Text, _choices, allowPositions: true, Synonyms);
        if (picked is not null)
        {
            value = picked;
            return true;
        }

        return TrySingle(Extract(input), out value);
    }

    protected internal override IReadOnlyList<Recognized<Choice>> Extract(PromptInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChoiceMatcher.FindInText(input.Text, _choices, Synonyms);
    }
}
