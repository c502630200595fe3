namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>
/// The tests' bot: "two", "five", "twelve" offer that many short choices; "long titles" three of 22 characters,
/// "longer titles" three of 30; "long text" two choices under a text past an interactive body's 1,024 characters;
/// "template" answers with the <c>hello_world</c> template; anything else is echoed ("You said: ...").
/// </summary>
public sealed class MenuDialog : Dialog<MenuState>
{
    public const string LongTextLastParagraph = "Which one would you like?";

    public static string LongTextHead { get; } = string.Join(' ', Enumerable.Repeat("This paragraph is here to make the text long.", 30));

    public MenuDialog()
        : base("menu")
    {
    }

    public static IReadOnlyList<Choice> Choices(int count, int titleLength = 0) =>
        [.. Enumerable.Range(1, count).Select(n => new Choice($"value-{n}", titleLength == 0 ? $"Option {n}" : $"Option {n} ".PadRight(titleLength, 'x')))];

    protected override void Define(DialogSteps<MenuState> steps) => steps
        .Step("route", async (d, ct) =>
        {
            var text = d.Turn.Message.Text?.Trim() ?? string.Empty;
            switch (text)
            {
                case "two":
                    await d.ReplyAsync("Pick one", Choices(2), ct);
                    break;
                case "five":
                    await d.ReplyAsync("Pick one", Choices(5), ct);
                    break;
                case "twelve":
                    await d.ReplyAsync("Pick one", Choices(12), ct);
                    break;
                case "long titles":
                    await d.ReplyAsync("Pick one", Choices(3, 22), ct);
                    break;
                case "longer titles":
                    await d.ReplyAsync("Pick one", Choices(3, 30), ct);
                    break;
                case "long text":
                    await d.ReplyAsync(LongTextHead + "\n\n" + LongTextLastParagraph, Choices(2), ct);
                    break;
                case "template":
                    await d.Turn.ReplyAsync(
                        d.Turn.CreateReply("Hello World") with { Template = new MessageTemplate("hello_world", "en_US") { BodyParameters = ["Ada", "42"] } },
                        ct);
                    break;
                default:
                    await d.ReplyAsync("You said: " + text, ct);
                    break;
            }

            return StepResult.End;
        });
}

public sealed class MenuState
{
    public string? Picked { get; set; }
}
