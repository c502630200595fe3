using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots;

/// <summary>
/// A phone number, normalised to E.164 (+16502530000). Numbers without a country code are read in
/// <see cref="Region"/>, or the bot's default region.
/// </summary>
public sealed record PhonePrompt : Prompt<PhonePrompt, string>
{
    public PhonePrompt(string text)
        : base(text)
    {
    }

    /// <summary>ISO 3166 two-letter region for numbers typed without a country code; null uses the bot's default.</summary>
    public string? Region { get; init; }

    protected internal override string NotRecognizedReason =>
        "That doesn't look like a phone number. Please include the country code, like +44 20 7946 0000.";

    public PhonePrompt InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return this with { Region = region.ToUpperInvariant() };
    }

    protected internal override bool TryRecognize(PromptInput input, out string value)
    {
        ArgumentNullException.ThrowIfNull(input);
        var region = Region ?? input.PhoneRegion;
        return PhoneRecognizer.TryParse(input.Text, region, out value) || TrySingle(PhoneRecognizer.FindAll(input.Text, region), out value);
    }

    protected internal override IReadOnlyList<Recognized<string>> Extract(PromptInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return PhoneRecognizer.FindAll(input.Text, Region ?? input.PhoneRegion);
    }
}
