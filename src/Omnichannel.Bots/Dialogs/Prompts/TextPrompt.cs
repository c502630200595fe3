using System.Text.RegularExpressions;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots;

/// <summary>
/// Free text, optionally required to match a pattern (an order number). With a pattern, an answer such as
/// "it's 12345" is accepted when it contains exactly one match standing on its own (not inside a longer word or number).
/// </summary>
public sealed record TextPrompt : Prompt<TextPrompt, string>
{
    public TextPrompt(string text)
        : base(text)
    {
    }

    public int MinLength { get; init; } = 1;

    public int MaxLength { get; init; } = 2000;

    public Regex? Pattern { get; init; }

    /// <summary>Told to the customer when the answer does not match <see cref="Pattern"/>.</summary>
    public string? PatternReason { get; init; }

    protected internal override string NotRecognizedReason =>
        PatternReason ?? $"Please answer in {MinLength} to {MaxLength} characters.";

    public TextPrompt Matching(string pattern, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return this with
        {
            Pattern = RegexCache.Get(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase),
            PatternReason = reason,
        };
    }

    public TextPrompt WithLength(int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        return this with { MinLength = min, MaxLength = max };
    }

    protected internal override bool TryRecognize(PromptInput input, out string value)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = (string.IsNullOrWhiteSpace(input.Text) ? input.Value : input.Text)?.Trim() ?? string.Empty;
        value = text;
        if (Pattern is null)
        {
            return text.Length >= MinLength && text.Length <= MaxLength;
        }

        if (IsWholeMatch(text))
        {
            return true;
        }

        return TrySingle(Extract(input), out value);
    }

    protected internal override IReadOnlyList<Recognized<string>> Extract(PromptInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Pattern is null || string.IsNullOrEmpty(input.Text))
        {
            return [];
        }

        var text = input.Text;
        var found = new List<Recognized<string>>();
        try
        {
            foreach (Match match in Pattern.Matches(text))
            {
                if (match.Length > 0 && StandsAlone(text, match.Index, match.Length))
                {
                    found.Add(new Recognized<string>(match.Value, match.Index, match.Length));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }

        return found;
    }

    private bool IsWholeMatch(string text)
    {
        try
        {
            var match = Pattern!.Match(text);
            return match.Success && match.Index == 0 && match.Length == text.Length;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool StandsAlone(string text, int start, int length)
    {
        var end = start + length;
        return (start == 0 || !char.IsLetterOrDigit(text[start - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end]));
    }
}
