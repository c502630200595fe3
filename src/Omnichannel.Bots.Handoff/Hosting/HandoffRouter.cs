using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Handoff.Routing;
using Omnichannel.Bots.Handoff.Signals;

namespace Omnichannel.Bots.Handoff;

/// <summary>
/// The orchestrator: every turn the bot runs passes one routing decision, before the dialog (facts from the message
/// and the journey: a request for a person, sentiment, tier, amounts, channel, hours, capacity) and after it (what
/// the dialog found: the knowledge base's confidence, the intent, a handoff the dialog asked for). Escalating
/// replaces whatever the bot drafted with the handoff message (expected wait, or when the team opens); clarifying asks
/// the rule's question instead. It also records the message's sentiment and entities in the turn's insights, takes a
/// customer's 1-5 rating, and keeps the bot silent for a customer whose handoff is open on another channel.
/// </summary>
public sealed partial class HandoffRouter
{
    /// <summary>The value of the "Talk to a person" choice of a clarifying question (<see cref="HandoffChoices.Person"/>).</summary>
    public static string PersonValue => HandoffChoices.Person;

    /// <summary>The value of the "Keep going" choice of a clarifying question (<see cref="HandoffChoices.Continue"/>).</summary>
    public static string ContinueValue => HandoffChoices.Continue;

    private static readonly TimeSpan CsatAnswerWindow = TimeSpan.FromDays(1);

    private readonly IRoutingRulesProvider _rules;
    private readonly HandoffSignals _signals;
    private readonly IJourneyStore _journeys;
    private readonly IHandoffTicketStore _store;
    private readonly IHandoffCsatStore _csat;
    private readonly ICustomerTierProvider _tiers;
    private readonly DeskCapacity _capacity;
    private readonly HandoffTexts _texts;
    private readonly RateLimit _perCustomer;
    private readonly ILogger<HandoffRouter> _logger;

    public HandoffRouter(
        IRoutingRulesProvider rules,
        HandoffSignals signals,
        IJourneyStore journeys,
        IHandoffTicketStore store,
        IHandoffCsatStore csat,
        ICustomerTierProvider tiers,
        DeskCapacity capacity,
        IOptions<HandoffOptions> options,
        IOptions<LimitsOptions> limits,
        ILogger<HandoffRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        _rules = rules;
        _signals = signals;
        _journeys = journeys;
        _store = store;
        _csat = csat;
        _tiers = tiers;
        _capacity = capacity;
        _texts = options.Value.Texts;
        _perCustomer = limits.Value.HandoffsPerCustomer;
        _logger = logger;
    }

    /// <summary>The middleware (registered by <c>AddHandoff()</c> as the outermost).</summary>
    public async Task InvokeAsync(TurnContext turn, TurnHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        var rules = _rules.Current;
        var message = turn.Message;
        var now = turn.Time.GetUtcNow();
        var asked = message.Value == PersonValue || (message.Value is null && _signals.AsksForPerson(message.Text, rules));
        turn.Insights = turn.Insights with
        {
            Sentiment = _signals.Sentiment(message.Text, message.Locale ?? turn.Conversation.Locale),
            Entities = _signals.Entities(message.Text, now),
            AskedForPerson = asked,
        };

        // One indexed read: the journey's routing facts and the customer's latest ticket (no transcript or ticket scans).
        var journey = await _journeys.GetAsync(turn.Customer.Id, cancellationToken).ConfigureAwait(false);
        var latest = journey.LatestTicket;
        if (latest is { Status: HandoffTicketStatus.Queued or HandoffTicketStatus.Assigned })
        {
            // Their handoff is open on another conversation: this one joins it (the bot stays silent here from now on),
            // and the person sees the message in the customer's transcript and replies on the channel used last.
            turn.ReplaceHandoff(new HandoffRequest($"The customer continued on {message.Channel.Value}.") { Queue = latest.Queue, Priority = latest.Priority, Rule = latest.Rule, RuleSource = latest.RuleSource });
            await turn.ReplyAsync(_texts.StillWaiting, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (latest is not null && await TryRecordCsatAsync(turn, latest, journey, now, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (message.Value == ContinueValue)
        {
            await turn.ReplyAsync(_texts.KeepGoing, cancellationToken).ConfigureAwait(false);
            return;
        }

        var tier = await _tiers.GetTierAsync(turn.Customer, cancellationToken).ConfigureAwait(false);
        var capacity = rules.UsesDeskCapacity
            ? await _capacity.MeasureAsync(rules.DefaultQueue, rules.DefaultPriority, cancellationToken).ConfigureAwait(false)
            : null;
        var before = Facts(turn, journey, tier, rules, capacity, RoutingPhase.BeforeDialog, now);
        var decision = rules.Evaluate(before.Facts);
        if (decision.Action != RoutingAction.Answer && !AlreadyClarified(decision, journey))
        {
            await ActAsync(turn, decision, before, cancellationToken).ConfigureAwait(false);
            return;
        }

        await next(turn, cancellationToken).ConfigureAwait(false);

        var after = Facts(turn, journey, tier, rules, capacity, RoutingPhase.AfterDialog, now);
        decision = rules.Evaluate(after.Facts);
        if (decision.Action == RoutingAction.Escalate || (decision.Action == RoutingAction.Clarify && !AlreadyClarified(decision, journey) && turn.Handoff is null))
        {
            await ActAsync(turn, decision, after, cancellationToken).ConfigureAwait(false);
        }
        else if (turn.Handoff is { } requested)
        {
            // The dialog asked for a person and no rule routed it: a request for a person is never dropped.
            await EscalateAsync(turn, new RoutingDecision { Action = RoutingAction.Escalate, Queue = rules.DefaultQueue, Priority = rules.DefaultPriority }, requested.Reason, after, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ActAsync(TurnContext turn, RoutingDecision decision, RoutingContext context, CancellationToken cancellationToken)
    {
        if (decision.Action == RoutingAction.Clarify)
        {
            turn.DiscardReplies();
            await turn.ReplyAsync(decision.ClarifyText ?? "", ClarifyChoices(decision), cancellationToken).ConfigureAwait(false);
            turn.SetRecord(new JourneyTurn(decision.ClarifyText ?? ""));
            LogClarified(_logger, decision.Rule ?? "", turn.Message.Channel.Value);
            return;
        }

        var reason = turn.Handoff?.Reason
            ?? (context.Facts.AskedForPerson ? "The customer asked for a person." : null)
            ?? (decision.Because.Count > 0 ? string.Join("; ", decision.Because) : "A routing rule escalated the conversation.");
        await EscalateAsync(turn, decision, reason, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A clarifying question's choices: one that asks for a person hands off when tapped; any other plain title lets
    /// the bot carry on ("Keep going"); a choice the rules file gave its own value keeps it (for the dialog).
    /// </summary>
    private List<Choice> ClarifyChoices(RoutingDecision decision)
    {
        var rules = _rules.Current;
        return [.. decision.ClarifyChoices.Select(choice =>
            _signals.AsksForPerson(choice.Title, rules) ? new Choice(PersonValue, choice.Title)
            : choice.Value == choice.Title ? new Choice(ContinueValue, choice.Title)
            : choice)];
    }

    private async Task EscalateAsync(TurnContext turn, RoutingDecision decision, string reason, RoutingContext context, CancellationToken cancellationToken)
    {
        if (await RecentHandoffsAsync(turn, context.Facts.Now, cancellationToken).ConfigureAwait(false) is { Count: > 0 } recent
            && recent.Count >= _perCustomer.PermitLimit)
        {
            // Past Limits:HandoffsPerCustomer no new ticket is opened (nothing reaches the queue): the customer is told
            // their earlier requests stand and when they may ask again, and the bot keeps the conversation.
            turn.DiscardReplies();
            turn.ClearHandoff();
            var retry = recent[0].QueuedAt + _perCustomer.Window;
            await turn.ReplyAsync(_texts.HandoffLimitReached.Replace("{retry}", _rules.Current.Hours.FormatLocal(retry), StringComparison.Ordinal), cancellationToken)
                .ConfigureAwait(false);
            LogHandoffLimited(_logger, recent.Count, turn.Message.Channel.Value);
            return;
        }

        var queue = decision.Queue ?? _rules.Current.DefaultQueue;
        var capacity = queue == context.Queue && decision.Priority == context.Priority && context.Capacity is { } measured
            ? measured
            : await _capacity.MeasureAsync(queue, decision.Priority, cancellationToken).ConfigureAwait(false);
        turn.ReplaceHandoff(new HandoffRequest(reason) { Queue = queue, Priority = decision.Priority, Rule = decision.Rule, RuleSource = decision.RuleSource });
        turn.DiscardReplies();
        await turn.ReplyAsync(HandoffMessage(context, capacity), cancellationToken).ConfigureAwait(false);
        LogEscalated(_logger, decision.Rule ?? "(dialog)", queue, decision.Priority, turn.Message.Channel.Value);
    }

    /// <summary>The customer's tickets opened within the limit's window, oldest first.</summary>
    private Task<IReadOnlyList<HandoffTicket>> RecentHandoffsAsync(TurnContext turn, DateTimeOffset now, CancellationToken cancellationToken) =>
        _store.ListForCustomerSinceAsync(turn.Customer.Id, now - _perCustomer.Window, cancellationToken);

    private string HandoffMessage(RoutingContext context, CapacitySnapshot capacity)
    {
        var hours = _rules.Current.Hours;
        if (!context.Facts.WithinBusinessHours)
        {
            var opens = hours.NextOpening(context.Facts.Now);
            return _texts.Closed
                .Replace("{hours}", hours.Describe(), StringComparison.Ordinal)
                .Replace("{opens}", opens is { } at ? hours.FormatLocal(at) : "as soon as we can", StringComparison.Ordinal);
        }

        if (capacity.Wait is not { } wait)
        {
            return _texts.Queued;
        }

        var position = (capacity.Ahead + 1).ToString(CultureInfo.InvariantCulture);
        if (capacity.AgentsPresent == 0)
        {
            return _texts.NobodyAvailable.Replace("{position}", position, StringComparison.Ordinal);
        }

        var text = capacity.FreeSlots > capacity.Ahead ? _texts.Connecting : _texts.AllBusy;
        return text
            .Replace("{wait}", WaitEstimator.Describe(wait), StringComparison.Ordinal)
            .Replace("{position}", position, StringComparison.Ordinal);
    }


    /// <summary>
    /// The facts for one phase; <paramref name="capacity"/> is the default queue's, measured once per turn and only
    /// when a rule reads it (null otherwise).
    /// </summary>
    private static RoutingContext Facts(TurnContext turn, JourneyFacts journey, string? tier, RoutingRules rules, CapacitySnapshot? capacity, RoutingPhase phase, DateTimeOffset now)
    {
        var insights = turn.Insights;
        var sentiments = journey.RecentSentiments.ToList();
        if (insights.Sentiment is { } current)
        {
            sentiments.Add(current);
        }

        var streak = journey.DeclineStreak;
        if (phase == RoutingPhase.AfterDialog && insights.Knowledge is { } attempt)
        {
            streak = attempt.Answered ? 0 : streak + 1;
        }

        var facts = new RoutingFacts
        {
            Phase = phase,
            Channel = turn.Message.Channel,
            Now = now,
            AskedForPerson = insights.AskedForPerson,
            Sentiment = insights.Sentiment,
            RecentSentiment = sentiments.Count == 0 ? null : sentiments.TakeLast(JourneyFacts.RecentSentimentCount).Average(),
            Tier = tier,
            Intent = insights.Intent?.Name ?? journey.LastIntent,
            Amounts = [.. journey.Amounts.Concat(insights.Entities.Select(HandoffSignals.AmountOf).OfType<decimal>())],
            LowConfidenceStreak = streak,
            DialogRequestedHandoff = phase == RoutingPhase.AfterDialog && turn.Handoff is not null,
            DialogHandoffReason = phase == RoutingPhase.AfterDialog ? turn.Handoff?.Reason : null,
            WithinBusinessHours = rules.Hours.IsOpen(now),
            AgentsAvailable = capacity?.AgentsAvailable,
            QueuedConversations = capacity?.QueuedTotal ?? 0,
        };
        return new RoutingContext(facts, rules.DefaultQueue, rules.DefaultPriority, capacity);
    }

    /// <summary>A clarifying question is asked once: if the bot's last message was this question, the bot answers instead.</summary>
    private static bool AlreadyClarified(RoutingDecision decision, JourneyFacts journey) =>
        decision.Action == RoutingAction.Clarify && journey.PendingClarify is { } asked && asked == (decision.ClarifyText ?? "");

    private async Task<bool> TryRecordCsatAsync(TurnContext turn, HandoffTicket latest, JourneyFacts journey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (latest.CsatRequestedAt is not { } asked || latest.CsatScore is not null || now - asked > CsatAnswerWindow || ParseCsat(turn.Message) is not { } score)
        {
            return false;
        }

        // A typed digit is a rating only as the answer to the rating question (a tapped rating button always is):
        // "3" may answer something the bot asked since.
        if (turn.Message.Value is null && journey.RatingConversationId != turn.Conversation.Id)
        {
            return false;
        }

        if (!await _csat.RecordCsatAsync(latest.Id, score, now, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await turn.ReplyAsync(_texts.ThanksForRating, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A rating: a rating choice's value (<see cref="HandoffChoices.Csat"/>), or a message that is just the digit (optionally "4/5", "4 stars").</summary>
    public static int? ParseCsat(BotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var value = HandoffChoices.TryGetCsat(message.Value, out var rating) ? rating : message.Text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var suffix in (string[])["/5", " stars", " star", "stars", "star"])
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                value = value[..^suffix.Length].Trim();
                break;
            }
        }

        return value.Length == 1 && value[0] is >= '1' and <= '5' ? value[0] - '0' : null;
    }

    /// <summary>The choices offered with the rating question.</summary>
    public static IReadOnlyList<Choice> CsatChoices { get; } = [.. Enumerable.Range(1, 5).Select(HandoffChoices.Csat)];

    private sealed record RoutingContext(RoutingFacts Facts, string Queue, HandoffPriority Priority, CapacitySnapshot? Capacity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated a conversation on {Channel} to queue {Queue} ({Priority}) by rule {Rule}.")]
    private static partial void LogEscalated(ILogger logger, string rule, string queue, HandoffPriority priority, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "A customer on {Channel} asked for a person past Limits:HandoffsPerCustomer ({Count} recent handoffs); no new handoff was opened.")]
    private static partial void LogHandoffLimited(ILogger logger, int count, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule {Rule} asked a clarifying question on {Channel}.")]
    private static partial void LogClarified(ILogger logger, string rule, string channel);
}
