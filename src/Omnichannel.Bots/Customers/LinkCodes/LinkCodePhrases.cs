using System.Text;

namespace Omnichannel.Bots.Customers;

/// <summary>
/// Finds which channel a message asks to continue on: the configured phrases (<see cref="LinkCodeOptions.Phrases"/>)
/// or, for a channel without any, "continue on / in / by", "switch to" and "move to" with the channel's name, matched
/// as whole words in lower case anywhere in a message of at most <see cref="MaxMessageLength"/> characters.
/// </summary>
public sealed class LinkCodePhrases
{
    /// <summary>Longer messages are about something else.</summary>
    public const int MaxMessageLength = 120;

    private static readonly string[] DefaultVerbs = ["continue on", "continue in", "continue by", "continue via", "switch to", "move to"];

    private readonly (string Phrase, ChannelId Channel)[] _phrases;

    public LinkCodePhrases(LinkCodeOptions options, IEnumerable<ChannelId> channels)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(channels);
        _phrases =
        [
            .. channels.Distinct().SelectMany(channel =>
                (options.Phrases.TryGetValue(channel.Value, out var configured) && configured.Count > 0
                    ? configured
                    : DefaultVerbs.Select(verb => verb + " " + channel.DisplayName))
                .Select(phrase => (Normalize(phrase), channel))),
        ];
    }

    /// <summary>The channel <paramref name="text"/> asks to continue on; null when it asks for none.</summary>
    public ChannelId? Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxMessageLength)
        {
            return null;
        }

        var normalized = Normalize(text);
        foreach (var (phrase, channel) in _phrases)
        {
            if (normalized.Contains(phrase, StringComparison.Ordinal))
            {
                return channel;
            }
        }

        return null;
    }

    /// <summary>Lower case, letters and digits only, single spaces, a space at each end (so a phrase matches whole words).</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder[^1] == ' ' ? builder.ToString() : builder.Append(' ').ToString();
    }
}
