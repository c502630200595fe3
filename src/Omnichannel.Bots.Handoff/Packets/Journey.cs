namespace Omnichannel.Bots.Handoff;

/// <summary>
/// The customer's current journey: their transcript across every channel, back to the first gap of more than
/// <see cref="Gap"/> between two messages (a customer who comes back days later starts a new journey), and the facts
/// the turns stored about it (sentiment, entities, knowledge answers).
/// </summary>
public sealed class Journey
{
    /// <summary>Messages further apart than this belong to different journeys.</summary>
    public static readonly TimeSpan Gap = TimeSpan.FromHours(24);

    private Journey(IReadOnlyList<TranscriptEntry> entries)
    {
        Entries = entries;
    }

    /// <summary>The journey's messages, oldest first.</summary>
    public IReadOnlyList<TranscriptEntry> Entries { get; }

    public IEnumerable<TranscriptEntry> Inbound => Entries.Where(e => e.Direction == MessageDirection.Inbound);

    /// <summary>The journey that ends at <paramref name="until"/> (inclusive) within the customer's whole transcript.</summary>
    public static Journey From(IReadOnlyList<TranscriptEntry> transcript, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var end = transcript.Count;
        if (until is { } cutoff)
        {
            while (end > 0 && transcript[end - 1].At > cutoff)
            {
                end--;
            }
        }

        var start = end;
        while (start > 0 && (start == end || transcript[start].At - transcript[start - 1].At <= Gap))
        {
            start--;
        }

        var entries = new TranscriptEntry[end - start];
        for (var i = start; i < end; i++)
        {
            entries[i - start] = transcript[i];
        }

        return new Journey(entries);
    }

    /// <summary>
    /// Questions in a row, latest last, that the knowledge base declined (messages it was not asked about do not break
    /// the run; a confident answer ends it).
    /// </summary>
    public int LowConfidenceStreak()
    {
        var streak = 0;
        foreach (var entry in Inbound.Reverse())
        {
            if (entry.Insights?.Knowledge is not { } attempt)
            {
                continue;
            }

            if (attempt.Answered)
            {
                break;
            }

            streak++;
        }

        return streak;
    }

    /// <summary>Sentiment scores of the customer's messages, oldest first.</summary>
    public IReadOnlyList<PacketSentimentPoint> SentimentPoints() =>
        [.. Inbound.Where(e => e.Insights?.Sentiment is not null).Select(e => new PacketSentimentPoint(e.At, e.Insights!.Sentiment!.Value))];

    /// <summary>Entities the customer gave, first mention first, each kind and value once.</summary>
    public IReadOnlyList<PacketEntity> Entities()
    {
        var seen = new HashSet<(string, string)>();
        var entities = new List<PacketEntity>();
        foreach (var entry in Inbound)
        {
            foreach (var entity in entry.Insights?.Entities ?? [])
            {
                if (seen.Add((entity.Kind, entity.Value)))
                {
                    entities.Add(entity with { At = entity.At ?? entry.At });
                }
            }
        }

        return entities;
    }

    /// <summary>The last intent the bot recognized in this journey.</summary>
    public PacketIntent? LastIntent() => Inbound.Select(e => e.Insights?.Intent).LastOrDefault(i => i is not null);

    /// <summary>The last dialog position a turn recorded.</summary>
    public PacketDialogPosition? LastDialog()
    {
        var last = Inbound.LastOrDefault(e => e.Insights is not null);
        return last?.Insights?.Dialog;
    }

    /// <summary>The name the customer's channels gave them, latest first.</summary>
    public string? CustomerName() => Inbound.Select(e => e.Message.Sender?.Name).LastOrDefault(n => !string.IsNullOrWhiteSpace(n));

    /// <summary>The customer's messages, latest last, whose text is set.</summary>
    public IEnumerable<TranscriptEntry> CustomerTexts() => Inbound.Where(e => !string.IsNullOrWhiteSpace(e.Message.Text));
}
