using Microsoft.Extensions.Options;
using Omnichannel.Bots.Handoff.Routing;

namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>
/// The signals the router reads from one message: sentiment (the registered <see cref="ISentimentScorer"/>), entities
/// (order numbers with <see cref="HandoffOptions.OrderNumberPattern"/>, emails, phones in the bot's default region,
/// amounts) and a request for a person (built-in phrases in several languages plus the rules' own).
/// </summary>
public sealed class HandoffSignals
{
    private readonly ISentimentScorer _sentiment;
    private readonly EntityExtractor _entities;
    private PersonRequestDetector _requests;
    private RoutingRules? _requestsFor;

    public HandoffSignals(ISentimentScorer sentiment, IOptions<HandoffOptions> options, IOptions<BotOptions> bot)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bot);
        _sentiment = sentiment;
        _entities = new EntityExtractor(options.Value.OrderNumberPattern, bot.Value.DefaultPhoneRegion);
        _requests = new PersonRequestDetector([]);
    }

    public double? Sentiment(string? text, string? locale) => _sentiment.Score(text, locale);

    public IReadOnlyList<PacketEntity> Entities(string? text, DateTimeOffset at) => _entities.Extract(text, at);

    public bool AsksForPerson(string? text, RoutingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!ReferenceEquals(Volatile.Read(ref _requestsFor), rules))
        {
            Volatile.Write(ref _requests, new PersonRequestDetector(rules.RequestPhrases));
            Volatile.Write(ref _requestsFor, rules);
        }

        return Volatile.Read(ref _requests).IsRequest(text);
    }

    /// <summary>The amount of an <c>amount</c> entity, else null.</summary>
    public static decimal? AmountOf(PacketEntity entity) =>
        EntityExtractor.TryParseAmount(entity, out var amount, out _) ? amount : null;
}
