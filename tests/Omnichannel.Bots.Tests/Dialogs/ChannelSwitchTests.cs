using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Tests.Dialogs;

/// <summary>
/// A customer who leaves a form half-filled on one channel and writes on another is told in one sentence where they
/// left off, and the form carries on at the same question, shown as the new channel shows it.
/// </summary>
public sealed class ChannelSwitchTests
{
    private static readonly TestCustomer Customer = new("lee", Phone: "+16502530077");

    [Fact]
    public async Task Form_ContinuedAcrossThreeChannels_SaysWhereTheCustomerLeftOffAndKeepsTheStep()
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<ReturnDialog>());
        await new TestConversation(bot, ChannelProfiles.WebChat, Customer)
            .Send("I want to send something back").ExpectReply("What's your order number?")
            .Send("12345").ExpectReply("Why are you returning it?").ExpectChoices("Too small", "Damaged")
            .SwitchTo(ChannelProfiles.Sms)
            .Send("hello again")
            .ExpectReply("Welcome back! On web chat you were answering \"Why are you returning it?\", so let's carry on from there.")
            .ExpectReply("Why are you returning it?\n\n1. Too small\n2. Damaged")
            .ExpectChoices("Too small", "Damaged")
            .Send("2").ExpectReply("How many items?")
            .SwitchTo(ChannelProfiles.WhatsApp)
            .Send("3")
            .ExpectReply("Welcome back! On SMS you were answering \"How many items?\", so let's carry on from there.")
            .ExpectReply("Return of 3 items from order 12345 (damaged).")
            .RunAsync();
    }

    [Fact]
    public async Task Prompt_AnsweredOnTheSameChannel_SaysNothingAboutChannels()
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<ReturnDialog>());
        await new TestConversation(bot, ChannelProfiles.Sms, Customer)
            .Send("return").ExpectReply("What's your order number?")
            .Send("hello").ExpectReply("Order numbers have 5 digits. What's your order number?")
            .RunAsync();
    }

    [Fact]
    public async Task Switch_WhenNoQuestionWaits_SaysNothingAboutChannels()
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<ReturnDialog>());
        await new TestConversation(bot, ChannelProfiles.Sms, Customer)
            .Send("return").ExpectReply("What's your order number?")
            .Send("12345").ExpectReplyContaining("Why are you returning it?")
            .Send("1").ExpectReply("How many items?")
            .Send("1").ExpectReply("Return of 1 items from order 12345 (too-small).")
            .SwitchTo(ChannelProfiles.WhatsApp)
            .Send("thanks").ExpectReply("What's your order number?")
            .RunAsync();
    }

    private sealed class ReturnState
    {
        public string? Order { get; set; }

        public string? Reason { get; set; }

        public int Items { get; set; }
    }

    /// <summary>A return form whose questions allow one failed answer each: a greeting counted as an answer would end it.</summary>
    private sealed class ReturnDialog : Dialog<ReturnState>
    {
        protected override void Define(DialogSteps<ReturnState> steps) => steps
            .Form("return", form => form
                .Slot("order", Prompts.Text("What's your order number?").Matching(@"\d{5}", "Order numbers have 5 digits.").WithMaxAttempts(2), (s, v) => s.Order = v)
                .Slot("reason", Prompts.Choice("Why are you returning it?", new Choice("too-small", "Too small"), new Choice("damaged", "Damaged")).WithMaxAttempts(1), (s, v) => s.Reason = v.Value)
                .Slot("items", Prompts.Number("How many items?").Between(1, 9).WholeNumber().WithMaxAttempts(1), (s, v) => s.Items = (int)v))
            .Step("done", async (d, ct) =>
            {
                await d.ReplyAsync($"Return of {d.State.Items} items from order {d.State.Order} ({d.State.Reason}).", ct);
                return StepResult.End;
            });
    }
}
