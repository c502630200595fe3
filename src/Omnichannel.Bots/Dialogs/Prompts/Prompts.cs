namespace Omnichannel.Bots;

/// <summary>Creates prompts: <c>Prompts.Number("How many?").Between(1, 10)</c>.</summary>
public static class Prompts
{
    public static TextPrompt Text(string text) => new(text);

    public static NumberPrompt Number(string text) => new(text);

    public static ChoicePrompt Choice(string text, params Choice[] choices) => new(text, choices);

    /// <summary>Options whose values are their titles.</summary>
    public static ChoicePrompt Choice(string text, params string[] titles) =>
        new(text, titles.Select(t => new Choice(t)).ToArray());

    public static ConfirmPrompt Confirm(string text) => new(text);

    public static DatePrompt Date(string text) => new(text);

    public static EmailPrompt Email(string text) => new(text);

    public static PhonePrompt Phone(string text) => new(text);
}
