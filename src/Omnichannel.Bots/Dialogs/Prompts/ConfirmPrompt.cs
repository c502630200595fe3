using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots;

/// <summary>Yes or no: buttons where the channel has them, and the many ways people say yes and no in words.</summary>
public sealed record ConfirmPrompt : Prompt<ConfirmPrompt, bool>
{
    public const string YesValue = "yes";
    public const string NoValue = "no";

    public ConfirmPrompt(string text)
        : base(text)
    {
    }

    public string YesTitle { get; init; } = "Yes";

    public string NoTitle { get; init; } = "No";

    public override IReadOnlyList<Choice> Choices => [new(YesValue, YesTitle), new(NoValue, NoTitle)];

    protected internal override string NotRecognizedReason => "Please answer yes or no.";

    protected internal override bool TryRecognize(PromptInput input, out bool value)
    {
        ArgumentNullException.ThrowIfNull(input);
        switch (input.Value)
        {
            case YesValue:
                value = true;
                return true;
            case NoValue:
                value = false;
                return true;
        }

        if (ConfirmRecognizer.TryParse(input.Text, input.Culture, out value))
        {
            return true;
        }

        var text = input.Text?.Trim();
        value = string.Equals(text, YesTitle, StringComparison.OrdinalIgnoreCase);
        return value || string.Equals(text, NoTitle, StringComparison.OrdinalIgnoreCase);
    }
}
