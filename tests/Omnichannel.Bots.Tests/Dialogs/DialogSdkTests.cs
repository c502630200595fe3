using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Tests.Dialogs;

/// <summary>The dialog SDK's conveniences: typed prompt options, conditional prompts, today's date in the bot's time zone.</summary>
public sealed class DialogSdkTests
{
    // 12:00 UTC on Wednesday 18 March 2026 is already 01:00 on Thursday 19 March in Auckland (UTC+13).
    private static readonly DateTimeOffset NoonUtc = new(2026, 3, 18, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Validate_OnADerivedPrompt_KeepsItsType()
    {
        NumberPrompt prompt = Prompts.Number("How many?").Validate(n => n == 13 ? "Not that one." : null).Between(1, 20);
        ChoicePrompt choice = Prompts.Choice("Which?", "A", "B").WithRetry("Pick A or B.").WithSynonyms("A", "first");
        DatePrompt date = Prompts.Date("When?").ValidateAsync((_, _) => Task.FromResult<string?>(null)).WithMaxAttempts(2).InFuture();

        Assert.Equal(20m, prompt.Max);
        Assert.Equal("Pick A or B.", choice.RetryText);
        Assert.Equal(2, date.MaxAttempts);
        Assert.True(date.NotBeforeToday);
    }

    [Theory]
    [InlineData("UTC", "2026-03-18")]
    [InlineData("Pacific/Auckland", "2026-03-19")]
    public async Task DialogContextToday_InTheBotsTimeZone_IsTheLocalDate(string timeZone, string expected)
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<TodayDialog>().Configure(o => o.TimeZone = timeZone), start: NoonUtc);
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi")
            .ExpectReply($"Today is {expected}.")
            .ExpectReply("Which day?")
            .Send("tomorrow")
            .ExpectReply($"Booked for {DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).AddDays(1):yyyy-MM-dd}.")
            .RunAsync();
    }

    [Fact]
    public async Task PromptWhen_ValueAlreadyKnown_SkipsTheQuestion()
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<ContactDialog>());
        await new TestConversation(bot, ChannelProfiles.WebChat, new TestCustomer("known", Email: "ana@example.com"))
            .Send("hi")
            .ExpectReply("We'll write to ana@example.com.")
            .RunAsync();
    }

    [Fact]
    public async Task PromptWhen_ValueMissing_AsksAndStoresTheAnswer()
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<ContactDialog>());
        await new TestConversation(bot, ChannelProfiles.WebChat, new TestCustomer("unknown"))
            .Send("hi")
            .ExpectReply("What's your email?")
            .Send("bo@example.com")
            .ExpectReply("We'll write to bo@example.com.")
            .RunAsync();
    }

    [Fact]
    public void When_WithoutAPromptBefore_FailsAtDefinition()
    {
        var error = Assert.Throws<DialogDefinitionException>(() => new WhenFirstDialog().Definition);
        Assert.Contains("When(...) follows a Prompt(...) step", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DialogTexts_Defaults_NameNoBusinessTopic()
    {
        var texts = new DialogTexts();
        string[] all = [texts.Help, texts.Cancelled, texts.StartingOver, texts.Handoff, texts.NoPerson, texts.TooManyAttempts, texts.NotUnderstood, texts.TurnFailed];
        foreach (var text in all)
        {
            Assert.DoesNotMatch("(?i)order|deliver|return|refund", text);
        }
    }

    [Theory]
    [InlineData("UTC", "2026-03-18")]
    [InlineData("Pacific/Auckland", "2026-03-19")]
    public async Task PromptFactories_WithTheStepContext_SeeTodayInTheBotsTimeZone(string timeZone, string expected)
    {
        var today = DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<LocalDayDialog>().Configure(o => o.TimeZone = timeZone), start: NoonUtc);
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi")
            .ExpectReply($"Which day after {expected}?")
            .Send(today.ToString("d MMMM", System.Globalization.CultureInfo.InvariantCulture))
            .ExpectReplyContaining($"Please give a date from {today.AddDays(1):d MMMM yyyy}")
            .Send("tomorrow")
            .ExpectReply($"And which day before {expected}?")
            .Send("tomorrow")
            .ExpectReplyContaining($"Please give a date from {today.AddDays(-7):d MMMM yyyy} to {today.AddDays(-1):d MMMM yyyy}.")
            .AllowMoreReplies()
            .RunAsync();
    }

    public sealed class LocalDayDialog : Dialog<DayState>
    {
        protected override void Define(DialogSteps<DayState> steps) => steps
            .PromptWith(
                "after",
                d => Prompts.Date($"Which day after {d.Today:yyyy-MM-dd}?").Between(d.Today.AddDays(1), d.Today.AddDays(7)),
                (s, v) => s.Day = v)
            .Form("before", form => form.Slot(
                "day",
                d => Prompts.Date($"And which day before {d.Today:yyyy-MM-dd}?").Between(d.Today.AddDays(-7), d.Today.AddDays(-1)),
                (s, v) => s.Day = v))
            .Step("done", (_, _) => Task.FromResult(StepResult.End));
    }

    public sealed class DayState
    {
        public DateOnly Day { get; set; }
    }

    public sealed class TodayDialog : Dialog<DayState>
    {
        protected override void Define(DialogSteps<DayState> steps) => steps
            .Step("today", async (d, ct) =>
            {
                await d.ReplyAsync($"Today is {d.Today:yyyy-MM-dd}.", ct);
                return StepResult.Next;
            })
            .Prompt("day", Prompts.Date("Which day?").InFuture(), (s, v) => s.Day = v)
            .Step("done", async (d, ct) =>
            {
                await d.ReplyAsync($"Booked for {d.State.Day:yyyy-MM-dd}.", ct);
                return StepResult.End;
            });
    }

    public sealed class ContactState
    {
        public string? Email { get; set; }
    }

    public sealed class ContactDialog : Dialog<ContactState>
    {
        protected override void Define(DialogSteps<ContactState> steps) => steps
            .Step("known", (d, _) =>
            {
                d.State.Email ??= d.Turn.Customer.IdentityKeys.FirstOrDefault(k => k.StartsWith("email:", StringComparison.Ordinal))?["email:".Length..];
                return Task.FromResult(StepResult.Next);
            })
            .Prompt("email", Prompts.Email("What's your email?"), (s, v) => s.Email = v)
            .When(s => s.Email is null)
            .Step("done", async (d, ct) =>
            {
                await d.ReplyAsync($"We'll write to {d.State.Email}.", ct);
                return StepResult.End;
            });
    }

    public sealed class WhenFirstDialog : Dialog<ContactState>
    {
        protected override void Define(DialogSteps<ContactState> steps) => steps
            .When(s => s.Email is null)
            .Step("done", (_, _) => Task.FromResult(StepResult.End));
    }
}
