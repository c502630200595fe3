using System.Globalization;
using System.Text;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Testing;

/// <summary>
/// A scripted conversation with a <see cref="TestBot"/> on one channel profile. Build the script, then run it:
/// <code>
/// await new TestConversation(bot, ChannelProfiles.Sms)
///     .Send("hi").ExpectReplyContaining("How can I help")
///     .Send("2").ExpectReply("Which order would you like to return?")
///     .RunAsync();
/// </code>
/// Replies are matched as the channel renders them: on SMS choices are numbered lines in the text, on web chat they
/// are buttons. Each step waits for the turn to commit, so the script is deterministic. The script is strict: every
/// reply must be checked by an expectation before the customer writes again and before <see cref="RunAsync"/> ends,
/// unless <see cref="AllowMoreReplies"/> accepts the rest.
/// </summary>
public sealed class TestConversation
{
    /// <summary>How long (real time) one turn may take before the script fails instead of hanging.</summary>
    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(30);

    private readonly TestBot _bot;
    private readonly TestCustomer _customer;
    private readonly List<(string Description, Func<CancellationToken, Task> Run)> _steps = [];
    private readonly Queue<BotMessage> _unread = new();
    private readonly StringBuilder _transcript = new();
    private ChannelProfile _channel;
    private BotMessage? _lastReply;
    private TurnOutcome? _lastOutcome;
    private int _messageNumber;

    public TestConversation(TestBot bot, ChannelProfile channel, TestCustomer? customer = null)
    {
        _bot = bot ?? throw new ArgumentNullException(nameof(bot));
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        _customer = customer ?? TestCustomer.Default;
    }

    /// <summary>The conversation so far, one line per message, as the failure messages show it.</summary>
    public string Transcript => _transcript.ToString();

    /// <summary>The customer types <paramref name="text"/>.</summary>
    public TestConversation Send(string text) => Send(text, customize: null);

    /// <summary>The customer sends a message; <paramref name="customize"/> adds attachments, a location, a locale...</summary>
    public TestConversation Send(string? text, Func<BotMessage, BotMessage>? customize) =>
        Add($"send \"{text}\"", ct => DeliverAsync(text, value: null, customize, ct));

    /// <summary>The customer taps the button whose value is <paramref name="value"/> (only on channels that show buttons).</summary>
    public TestConversation Tap(string value) => Add($"tap \"{value}\"", ct =>
    {
        var offered = _lastReply?.Choices.FirstOrDefault(c => c.Value == value)
            ?? throw Fail($"Cannot tap \"{value}\": the last reply shows no such button on {_channel.Channel}.");
        return DeliverAsync(offered.Title, offered.Value, customize: null, ct);
    });

    /// <summary>Continues the same customer's journey on another channel (the customer is linked by phone or email).</summary>
    public TestConversation SwitchTo(ChannelProfile channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Add($"switch to {channel.Channel}", _ =>
        {
            _channel = channel;
            _lastReply = null;
            Log($"--- now on {channel.Channel} ---");
            return Task.CompletedTask;
        });
    }

    /// <summary>The next reply's rendered text is exactly <paramref name="text"/>.</summary>
    public TestConversation ExpectReply(string text) => Add($"expect reply \"{text}\"", _ =>
    {
        var reply = NextReply(text);
        if (!string.Equals(reply.Text, text, StringComparison.Ordinal))
        {
            throw Fail($"Expected the reply \"{text}\" but got \"{reply.Text}\".");
        }

        return Task.CompletedTask;
    });

    /// <summary>The next reply's rendered text contains <paramref name="fragment"/> (ignoring case).</summary>
    public TestConversation ExpectReplyContaining(string fragment) => Add($"expect a reply containing \"{fragment}\"", _ =>
    {
        var reply = NextReply(fragment);
        if (reply.Text is null || !reply.Text.Contains(fragment, StringComparison.OrdinalIgnoreCase))
        {
            throw Fail($"Expected a reply containing \"{fragment}\" but got \"{reply.Text}\".");
        }

        return Task.CompletedTask;
    });

    /// <summary>The next reply passes <paramref name="assert"/> (throw from it to fail).</summary>
    public TestConversation ExpectReply(Action<BotMessage> assert)
    {
        ArgumentNullException.ThrowIfNull(assert);
        return Add("expect a reply", _ =>
        {
            assert(NextReply("a reply"));
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The last matched reply offers these options, as the channel shows them: buttons where it has them, numbered
    /// lines ("1. Track an order") where it does not.
    /// </summary>
    public TestConversation ExpectChoices(params string[] titles) => Add($"expect choices {string.Join(", ", titles)}", _ =>
    {
        var reply = _lastReply ?? throw Fail("Expected choices, but no reply has been matched yet.");
        var shown = reply.Choices.Count > 0 ? reply.Choices.Select(c => c.Title).ToList() : NumberedOptions(reply.Text);
        if (!shown.SequenceEqual(titles, StringComparer.Ordinal))
        {
            throw Fail($"Expected the choices [{string.Join(", ", titles)}] but the reply shows [{string.Join(", ", shown)}].");
        }

        return Task.CompletedTask;
    });

    /// <summary>
    /// Discards the replies not checked so far, so neither the customer's next message nor the end of
    /// <see cref="RunAsync"/> fails on them. Without it a script is strict: every reply the bot sends must be matched
    /// by an expectation. Put it where the remaining replies are not the subject of the test, usually last:
    /// <code>
    /// .Send("hi").ExpectReplyContaining("Hi, I'm").AllowMoreReplies() // the menu that follows is another test's subject
    /// </code>
    /// </summary>
    public TestConversation AllowMoreReplies() => Add("allow more replies", _ =>
    {
        if (_unread.Count > 0)
        {
            Log($"  ({Replies(_unread.Count)} not checked, allowed)");
            _unread.Clear();
        }

        return Task.CompletedTask;
    });

    /// <summary>The last message's turn handed the conversation to a person.</summary>
    public TestConversation ExpectHandoff(string? reasonContains = null) => Add("expect a handoff", _ =>
    {
        var handoff = _lastOutcome?.Handoff ?? throw Fail("Expected the last turn to hand the conversation to a person, but it did not.");
        if (reasonContains is not null && !handoff.Reason.Contains(reasonContains, StringComparison.OrdinalIgnoreCase))
        {
            throw Fail($"Expected a handoff reason containing \"{reasonContains}\" but it was \"{handoff.Reason}\".");
        }

        return Task.CompletedTask;
    });

    /// <summary>Moves the fake clock forward (reply windows, timeouts, "tomorrow").</summary>
    public TestConversation AdvanceTime(TimeSpan by) => Add($"advance time by {by}", _ =>
    {
        _bot.Time.Advance(by);
        return Task.CompletedTask;
    });

    /// <summary>
    /// Runs the steps added since the last run; throws <see cref="ConversationAssertionException"/> at the first
    /// expectation that fails, or at the end if the bot sent a reply that no expectation checked (end the script with
    /// <see cref="AllowMoreReplies"/> to accept those). Steps added after a run continue the same conversation; each
    /// run is checked this way at its end.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (_, run) in _steps)
        {
            await run(cancellationToken).ConfigureAwait(false);
        }

        _steps.Clear();
        if (_unread.Count > 0)
        {
            throw Fail($"The script ended with {Replies(_unread.Count)} unchecked, the next being \"{_unread.Peek().Text}\"; expect them, or end the script with AllowMoreReplies().");
        }
    }

    private TestConversation Add(string description, Func<CancellationToken, Task> run)
    {
        _steps.Add((description, run));
        return this;
    }

    private async Task DeliverAsync(string? text, string? value, Func<BotMessage, BotMessage>? customize, CancellationToken cancellationToken)
    {
        if (_unread.Count > 0)
        {
            throw Fail($"The customer wrote again with {Replies(_unread.Count)} unchecked, the next being \"{_unread.Peek().Text}\"; expect them first, or allow them with AllowMoreReplies().");
        }

        var number = Interlocked.Increment(ref _messageNumber);
        var message = new BotMessage
        {
            Id = $"{_channel.Channel}-{_customer.Id}-{number.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}",
            Channel = _channel.Channel,
            Conversation = new ConversationAddress("test-account", _customer.Phone ?? _customer.Id),
            Sender = new Participant(_customer.Phone ?? _customer.Id)
            {
                // As real channels state it: the provider's sender number, a signed-in web visitor's identity.
                PhoneNumber = _customer.Phone,
                PhoneNumberProvenance = _customer.Phone is null ? null : _channel.Channel == ChannelId.WebChat ? IdentityProvenance.SignedIdentity : IdentityProvenance.ProviderPhone,
                Email = _customer.Email,
                EmailProvenance = _customer.Email is null ? null : IdentityProvenance.SignedIdentity,
            },
            Text = text,
            Value = value,
            Timestamp = _bot.Time.GetUtcNow(),
        };
        message = customize?.Invoke(message) ?? message;
        Log($"customer: {text}");
        try
        {
            _lastOutcome = await _bot.Inbox.SubmitAndWaitAsync(message, cancellationToken).WaitAsync(TurnTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The fake clock does not move by itself, so a turn stuck retrying storage would otherwise hang the test.
            throw Fail($"The turn for \"{text}\" did not finish within {TurnTimeout.TotalSeconds:0} s (real time); a storage error is being retried. Turn on logging to see it.");
        }
        if (_lastOutcome.Error is not null)
        {
            Log($"  (turn failed: {_lastOutcome.Error})");
        }

        foreach (var reply in _lastOutcome.Replies)
        {
            _unread.Enqueue(reply);
            Log($"bot: {reply.Text}{(reply.Choices.Count > 0 ? " [" + string.Join(" | ", reply.Choices.Select(c => c.Title)) + "]" : string.Empty)}");
        }
    }

    private BotMessage NextReply(string expectation)
    {
        if (!_unread.TryDequeue(out var reply))
        {
            throw Fail($"Expected {expectation}, but the bot sent no more replies.");
        }

        _lastReply = reply;
        return reply;
    }

    private static List<string> NumberedOptions(string? text)
    {
        var options = new List<string>();
        foreach (var line in (text ?? string.Empty).Split('\n'))
        {
            var expected = (options.Count + 1).ToString(CultureInfo.InvariantCulture) + ". ";
            if (line.StartsWith(expected, StringComparison.Ordinal))
            {
                options.Add(line[expected.Length..].TrimEnd());
            }
        }

        return options;
    }

    private static string Replies(int count) =>
        count == 1 ? "1 reply" : count.ToString(CultureInfo.InvariantCulture) + " replies";

    private void Log(string line) => _transcript.AppendLine(line);

    private ConversationAssertionException Fail(string message) =>
        new($"{message}\nOn {_channel.Channel}, the conversation so far:\n{_transcript}");
}
