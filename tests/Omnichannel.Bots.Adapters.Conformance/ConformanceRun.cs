using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>One case's run: the driver, the host's clock and dialog script, and what the cases read from the host.</summary>
public sealed class ConformanceRun
{
    public ConformanceRun(IAdapterDriver driver, AdapterTraits traits, ConformanceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(traits);
        ArgumentNullException.ThrowIfNull(setup);
        Driver = driver;
        Traits = traits;
        Setup = setup;
    }

    public IAdapterDriver Driver { get; }

    public AdapterTraits Traits { get; }

    public ConformanceSetup Setup { get; }

    public FakeTimeProvider Clock => Setup.Clock;

    public ConformanceScript Script => Setup.Script;

    public ChannelCapabilities Capabilities => Traits.Profile.Capabilities;

    private string Channel => Traits.Profile.Channel.Value;

    private SqliteDatabase Database => Driver.Services.GetRequiredService<SqliteDatabase>();

    /// <summary>Inbound messages of this channel stored in the inbox (each is one turn).</summary>
    public long CountStored() => Database.Read(db => db.Scalar<long>("SELECT COUNT(*) FROM inbox WHERE channel = @p1", Channel));

    /// <summary>Outbox rows of this channel with <paramref name="status"/> (pending, sent, failed) that were attempted at least once.</summary>
    public long CountAttemptedReplies(string status) =>
        Database.Read(db => db.Scalar<long>("SELECT COUNT(*) FROM outbox WHERE channel = @p1 AND status = @p2 AND attempts > 0", Channel, status));

    /// <summary>Delivers a customer's text with a valid credential and checks the endpoint accepted it.</summary>
    public Task SayAsync(string customer, string text, string? providerMessageId = null) =>
        AcceptedAsync(new InboundDelivery(customer) { Text = text, ProviderMessageId = providerMessageId });

    /// <summary>Delivers <paramref name="delivery"/> and checks the endpoint answered 2xx.</summary>
    public async Task AcceptedAsync(InboundDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var status = await Driver.DeliverAsync(delivery);
        Assert.True(
            (int)status is >= 200 and < 300,
            $"The endpoint answered {(int)status} {status} to a valid delivery ({delivery}); expected 2xx.");
    }

    /// <summary>
    /// Waits until what <paramref name="customer"/> received satisfies <paramref name="until"/>. On a paced channel
    /// the clock moves on by the pacing interval while waiting (a split reply's parts are spread out);
    /// <paramref name="moveClock"/> false keeps it still (a retry case, which moves it itself).
    /// </summary>
    public async Task<IReadOnlyList<OutboundMessage>> WaitForOutboundAsync(
        string customer, Func<IReadOnlyList<OutboundMessage>, bool> until, string description, bool moveClock = true)
    {
        IReadOnlyList<OutboundMessage> received = [];
        var step = moveClock ? PacingStep() : null;
        await Eventually.UntilAsync(
            async () =>
            {
                received = await Driver.ReadOutboundAsync(customer);
                if (until(received))
                {
                    return true;
                }

                if (step is { } interval)
                {
                    Clock.Advance(interval);
                }

                return false;
            },
            $"{customer} to receive {description}",
            () => Describe(received));
        return received;
    }

    /// <summary>Waits until a message to <paramref name="customer"/> contains <paramref name="text"/>.</summary>
    public Task<IReadOnlyList<OutboundMessage>> WaitForTextAsync(string customer, string text) =>
        WaitForOutboundAsync(customer, messages => messages.Any(m => m.Text.Contains(text, StringComparison.Ordinal)), $"a message containing '{text}'");

    /// <summary>How many messages <paramref name="customer"/> received that contain <paramref name="text"/>.</summary>
    public async Task<int> CountReceivedAsync(string customer, string text) =>
        (await Driver.ReadOutboundAsync(customer)).Count(m => m.Text.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits (real time, no clock move) until <paramref name="condition"/> holds.</summary>
    public Task WaitUntilAsync(Func<bool> condition, string description) => Eventually.UntilAsync(condition, description);

    /// <inheritdoc cref="WaitUntilAsync(Func{bool}, string)"/>
    public Task WaitUntilAsync(Func<Task<bool>> condition, string description) => Eventually.UntilAsync(condition, description);

    /// <summary>
    /// Checks every message against the profile's limits: measured text length, button count and button titles, or for a
    /// list (<see cref="OutboundMessage.IsList"/>) the profile's <see cref="ChannelCapabilities.ChoiceList"/> rows and titles.
    /// </summary>
    public void AssertWithinLimits(IReadOnlyList<OutboundMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            Assert.True(
                message.MeasuredLength <= Capabilities.MaxTextLength,
                $"A message of {message.MeasuredLength} characters (as {Channel} counts them) is over MaxTextLength {Capabilities.MaxTextLength}.");
            Assert.True(!message.IsList || Capabilities.ChoiceList is not null, $"A message carries a list; {Channel}'s profile has no ChoiceList.");
            var (kind, maxCount, maxTitle) = message.IsList
                ? ("list rows", Capabilities.ChoiceList!.MaxRows, Capabilities.ChoiceList.MaxTitleLength)
                : ("buttons", Capabilities.MaxButtons, Capabilities.MaxButtonTitleLength);
            Assert.True(
                message.Buttons.Count <= maxCount,
                $"A message carries {message.Buttons.Count} {kind}; {Channel} allows {maxCount}.");
            foreach (var button in message.Buttons)
            {
                Assert.True(
                    button.Title.Length <= maxTitle,
                    $"'{button.Title}' ({kind}) has {button.Title.Length} characters; {Channel} allows {maxTitle}.");
            }
        }
    }

    /// <summary>A credential case: the refused request's status, then nothing stored and nothing answered, while a valid message afterwards is stored and answered once.</summary>
    /// <param name="expected">The status the refusal must have.</param>
    /// <param name="actual">The status it had.</param>
    /// <param name="request">What was sent, for the failure message.</param>
    /// <param name="refusedCustomer">The customer the refused request spoke for, who must receive nothing; null for a raw body.</param>
    public async Task AssertRefusedAndNothingStoredAsync(HttpStatusCode expected, HttpStatusCode actual, string request, string? refusedCustomer = null)
    {
        Assert.True(actual == expected, $"{request} got {(int)actual} {actual}; expected {(int)expected} {expected}.");
        Assert.True(CountStored() == 0, $"{request} was refused, but {CountStored()} inbound message(s) were stored.");

        // A valid message afterwards is the only one stored and the only one answered: the refused one never reached the inbox.
        const string customer = "customer-after-refusal";
        var control = "hello after a refused request";
        await SayAsync(customer, control);
        await WaitForTextAsync(customer, ConformanceScript.Echo(control));
        await BotIdle.WaitAsync(Driver.Services);
        Assert.Equal(1, CountStored());
        Assert.Single(await Driver.ReadOutboundAsync(customer));
        if (refusedCustomer is not null)
        {
            Assert.Empty(await Driver.ReadOutboundAsync(refusedCustomer));
        }
    }

    private TimeSpan? PacingStep()
    {
        var pacing = Traits.Profile.Pacing;
        TimeSpan?[] intervals = [pacing.PerChat?.Interval, pacing.PerAccount?.Interval];
        return intervals.Max();
    }

    private static string Describe(IReadOnlyList<OutboundMessage> received) =>
        received.Count == 0
            ? "Nothing was received."
            : "Received:" + Environment.NewLine + string.Join(
                Environment.NewLine,
                received.Select(m => $"- ({m.MeasuredLength} chars, {m.Buttons.Count} buttons) {Shorten(m.Text)}{(m.Buttons.Count > 0 ? " [" + string.Join(" | ", m.Buttons.Select(b => b.Title)) + "]" : string.Empty)}"));

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
