using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots;

/// <summary>An email address ("jane@example.com", or "it's jane@example.com"); the domain is lower-cased.</summary>
public sealed record EmailPrompt : Prompt<EmailPrompt, string>
{
    public EmailPrompt(string text)
        : base(text)
    {
    }

    protected internal override string NotRecognizedReason => "That doesn't look like an email address.";

    protected internal override bool TryRecognize(PromptInput input, out string value)
    {
        ArgumentNullException.ThrowIfNull(input);
        return EmailRecognizer.TryParse(input.Text, out value) || TrySingle(EmailRecognizer.FindAll(input.Text), out value);
    }

    protected internal override IReadOnlyList<Recognized<string>> Extract(PromptInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return EmailRecognizer.FindAll(input.Text);
    }
}
