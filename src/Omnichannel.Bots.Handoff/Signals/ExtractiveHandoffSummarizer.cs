using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>
/// The default <see cref="IHandoffSummarizer"/>: offline and extractive. At most three sentences and
/// <see cref="MaxLength"/> characters: the customer's one or two most informative sentences, quoted (scored by content
/// words, order numbers and other entities, question marks, negative sentiment and recency; greetings, "yes"/"thanks" and bare requests
/// for a person are skipped), the key entities ("Order A-1042; email jane@example.com"), and why the bot escalated
/// (reason and rule) with what it answered from which article. An empty transcript gives the reason only. Never
/// throws for any packet; deterministic.
/// </summary>
public sealed partial class ExtractiveHandoffSummarizer : IHandoffSummarizer
{
    public const int MaxLength = 400;

    private const int MaxEntitiesPerKind = 2;
    private static readonly string[] KindOrder = [EntityKinds.OrderNumber, EntityKinds.Email, EntityKinds.Phone, EntityKinds.Amount];

    private readonly PersonRequestDetector _personRequests;
    private readonly ISentimentScorer _sentiment;

    /// <summary>
    /// <paramref name="personRequests"/> recognizes bare requests for a person (to skip them); <paramref name="sentiment"/>
    /// favours sentences that say what went wrong. Both default to the built-in ones.
    /// </summary>
    public ExtractiveHandoffSummarizer(PersonRequestDetector? personRequests = null, ISentimentScorer? sentiment = null)
    {
        _personRequests = personRequests ?? new PersonRequestDetector();
        _sentiment = sentiment ?? new LexiconSentimentScorer();
    }

    /// <inheritdoc />
    public Task<string> SummarizeAsync(HandoffPacket packet, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<string>(cancellationToken);
        }

        return Task.FromResult(packet is null ? "Escalated." : Summarize(packet));
    }

    /// <summary>The summary, synchronously.</summary>
    public string Summarize(HandoffPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var escalation = Escalation(packet);
        var transcript = packet.Transcript ?? [];
        if (transcript.Count == 0)
        {
            return Fit(escalation + ".");
        }

        var quotes = BestCustomerSentences(transcript);
        var entities = Entities(packet.Entities ?? []);
        var tail = (entities.Length > 0 ? entities + ". " : string.Empty) + escalation + ".";

        // The quotes get what the entities and the escalation leave; with little room, one quote, then none.
        for (var count = quotes.Count; count >= 0; count--)
        {
            var budget = MaxLength - tail.Length - 1;
            var quoted = Quote(quotes.Take(count).ToList(), budget);
            if (quoted is not null)
            {
                return Fit(quoted.Length == 0 ? tail : quoted + " " + tail);
            }
        }

        return Fit(tail);
    }

    private static string Escalation(HandoffPacket packet)
    {
        var routing = packet.Routing;
        var reason = Clean(routing?.Reason);
        var text = new StringBuilder("Escalated");
        if (reason.Length > 0)
        {
            text.Append(": ").Append(reason.TrimEnd('.'));
        }

        if (!string.IsNullOrWhiteSpace(routing?.Rule))
        {
            text.Append(" (rule ").Append(Clean(routing.Rule)).Append(')');
        }

        var answers = packet.BotAnswers ?? [];
        var lastAnswered = answers.LastOrDefault(a => a is not null && a.Answered && a.Sources is { Count: > 0 });
        if (lastAnswered is not null)
        {
            var source = lastAnswered.Sources.Where(s => s is not null).OrderByDescending(s => s.Score).First();
            text.Append("; bot answered from \"").Append(Clean(source.Title).Length > 0 ? Clean(source.Title) : Clean(source.ArticleId))
                .Append("\" (").Append(source.Score.ToString("0.00", CultureInfo.InvariantCulture)).Append(')');
        }

        var unanswered = answers.Count(a => a is not null && !a.Answered);
        if (unanswered > 0)
        {
            text.Append("; bot could not answer ").Append(unanswered.ToString(CultureInfo.InvariantCulture))
                .Append(unanswered == 1 ? " question" : " questions");
        }

        return text.ToString();
    }

    private static string Entities(IReadOnlyList<PacketEntity> entities)
    {
        var parts = new List<string>();
        foreach (var kind in KindOrder)
        {
            var values = entities
                .Where(e => e is not null && e.Kind == kind && !string.IsNullOrWhiteSpace(e.Value))
                .Select(e => Clean(e.Value))
                .Distinct(StringComparer.Ordinal)
                .Take(MaxEntitiesPerKind)
                .ToList();
            if (values.Count > 0)
            {
                var label = kind switch
                {
                    EntityKinds.OrderNumber => "order",
                    _ => kind,
                };
                parts.Add(label + " " + string.Join(", ", values));
            }
        }

        if (parts.Count == 0)
        {
            return string.Empty;
        }

        var joined = string.Join("; ", parts);
        return char.ToUpperInvariant(joined[0]) + joined[1..];
    }

    private List<string> BestCustomerSentences(IReadOnlyList<PacketMessage> transcript)
    {
        var customer = transcript
            .Where(m => m is not null && string.Equals(m.From, "customer", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(m.Text))
            .ToList();
        var candidates = new List<(string Text, int Order, double Score)>();
        for (var m = 0; m < customer.Count; m++)
        {
            foreach (var raw in SentenceBreak().Split(customer[m].Text!))
            {
                var sentence = Clean(raw);
                var content = SummaryWords.ContentWords(sentence);
                if (content < 2 || (content < 5 && _personRequests.IsRequest(sentence)))
                {
                    continue;
                }

                var score = Math.Min(content, 12)
                    + (EntityLike().IsMatch(sentence) ? 3 : 0)
                    + (sentence.Contains('?', StringComparison.Ordinal) ? 1 : 0)
                    + (2.0 * (m + 1) / customer.Count)
                    + (2.0 * Math.Max(0, -(_sentiment.Score(sentence, null) ?? 0)));
                candidates.Add((sentence, candidates.Count, score));
            }
        }

        return candidates
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Order)
            .Take(2)
            .OrderBy(c => c.Order)
            .Select(c => c.Text)
            .ToList();
    }

    /// <summary>`Customer: "a" "b"` within <paramref name="budget"/> characters (the last quote shortened at a word); null when it cannot fit.</summary>
    private static string? Quote(List<string> quotes, int budget)
    {
        if (quotes.Count == 0)
        {
            return string.Empty;
        }

        const string Prefix = "Customer: ";
        var fixedLength = Prefix.Length + quotes.Sum(q => q.Length + 2) + (quotes.Count - 1) + 1;
        if (fixedLength <= budget)
        {
            return Prefix + string.Join(" ", quotes.Select(q => "\"" + q + "\"")) + ".";
        }

        var last = quotes[^1];
        var room = budget - (fixedLength - last.Length);
        if (room < 20)
        {
            return null;
        }

        quotes[^1] = Shorten(last, room);
        return Prefix + string.Join(" ", quotes.Select(q => "\"" + q + "\"")) + ".";
    }

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text[..(max - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > max / 2)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd(' ', ',', ';', ':') + "…";
    }

    private static string Fit(string summary) => Shorten(summary, MaxLength);

    private static string Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"(?<=[.!?])\s+|[\r\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\d{3,}|@|[$€£]\s?\d", RegexOptions.CultureInvariant)]
    private static partial Regex EntityLike();
}
