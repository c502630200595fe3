namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>The outbound rendering cases: long text, options over the limits, buttons or numbered options.</summary>
internal static class RenderingCases
{
    public static async Task LongReplyAsync(ConformanceRun run)
    {
        const string customer = "customer-long";
        var sentences = run.Script.LongAnswerSentences;
        await run.SayAsync(customer, ConformanceScript.ShowLongAnswer);
        var received = await run.WaitForOutboundAsync(
            customer, messages => messages.Any(m => m.Text.Contains(sentences[^1], StringComparison.Ordinal)), "the long answer's last sentence");

        run.AssertWithinLimits(received);
        Assert.True(received.Count >= 2, $"An answer of {run.Script.LongAnswer.Length} characters came in {received.Count} message(s); the limit is {run.Capabilities.MaxTextLength}.");
        var whole = string.Join("\n", received.Select(m => m.Text));
        var from = 0;
        foreach (var sentence in sentences)
        {
            var at = whole.IndexOf(sentence, from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{sentence}' is missing from the split answer, or out of order.");
            from = at + sentence.Length;
        }
    }

    public static async Task OptionsOverLimitsAsync(ConformanceRun run)
    {
        const string customer = "customer-many-options";
        var options = run.Script.ManyOptions;
        await run.SayAsync(customer, ConformanceScript.ShowManyOptions);
        var received = await run.WaitForOutboundAsync(
            customer, messages => options.All(o => Shows(messages, o.Title)), $"all {options.Count} options of up to {options.Max(o => o.Title.Length)} characters");

        run.AssertWithinLimits(received);
        await run.SayAsync(customer, "2");
        await run.WaitForTextAsync(customer, ConformanceScript.Picked(options[1].Title));
    }

    public static async Task ButtonsAsync(ConformanceRun run)
    {
        const string customer = "customer-buttons";
        var options = run.Script.FewOptions;
        await run.SayAsync(customer, ConformanceScript.ShowOptions);
        var received = await run.WaitForOutboundAsync(customer, messages => messages.Any(m => m.Buttons.Count > 0), "a message with buttons");

        run.AssertWithinLimits(received);
        var buttons = received.Single(m => m.Buttons.Count > 0).Buttons;
        Assert.Equal(options.Select(o => o.Title), buttons.Select(b => b.Title));
        await run.AcceptedAsync(new InboundDelivery(customer) { Press = buttons[1] });
        await run.WaitForTextAsync(customer, ConformanceScript.Picked(options[1].Title));
    }

    public static async Task NumberedOptionsAsync(ConformanceRun run)
    {
        const string customer = "customer-numbered";
        var options = run.Script.FewOptions;
        var lines = options.Select((o, i) => $"{i + 1}. {o.Title}").ToList();
        await run.SayAsync(customer, ConformanceScript.ShowOptions);
        var received = await run.WaitForOutboundAsync(
            customer, messages => lines.All(line => messages.Any(m => m.Text.Contains(line, StringComparison.Ordinal))), "the options as numbered lines");

        run.AssertWithinLimits(received);
        Assert.All(received, m => Assert.Empty(m.Buttons));
        await run.SayAsync(customer, "2");
        await run.WaitForTextAsync(customer, ConformanceScript.Picked(options[1].Title));
    }

    /// <summary>True when a button has <paramref name="title"/>, or a message's text shows it.</summary>
    private static bool Shows(IReadOnlyList<OutboundMessage> messages, string title) =>
        messages.Any(m => m.Buttons.Any(b => b.Title == title) || m.Text.Contains(title, StringComparison.Ordinal));
}
