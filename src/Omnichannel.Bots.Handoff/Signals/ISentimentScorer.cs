namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>
/// Scores how a customer feels in one message, -1 (very negative) .. +1 (very positive), 0 neutral; null for a message
/// without words. The default is <c>LexiconSentimentScorer</c>; register another implementation to replace it.
/// </summary>
public interface ISentimentScorer
{
    double? Score(string? text, string? locale);
}
