using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Bots;

/// <summary>
/// Names a channel. An open set backed by a string (like <c>ChatRole</c>): a new channel needs no enum edit.
/// Values are lower-case letters, digits, '-' and '_' (at most 32), compared ordinally.
/// </summary>
[JsonConverter(typeof(ChannelIdJsonConverter))]
public readonly struct ChannelId : IEquatable<ChannelId>
{
    private const int MaxLength = 32;
    private readonly string? _value;

    public ChannelId(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException(
                $"A channel id is 1 to {MaxLength} lower-case letters, digits, '-' or '_'; got '{value}'.", nameof(value));
        }

        _value = value;
    }

    public static ChannelId WebChat { get; } = new("webchat");
    public static ChannelId WhatsApp { get; } = new("whatsapp");
    public static ChannelId Messenger { get; } = new("messenger");
    public static ChannelId Telegram { get; } = new("telegram");
    public static ChannelId Sms { get; } = new("sms");
    public static ChannelId Console { get; } = new("console");

    /// <summary>The channel's name, for example <c>sms</c>.</summary>
    public string Value => _value ?? throw new InvalidOperationException("The default ChannelId names no channel.");

    /// <summary>
    /// The channel as people call it, for the customer's and agents' eyes ("web chat", "WhatsApp", "SMS"); a channel
    /// this library does not ship is shown by its <see cref="Value"/>.
    /// </summary>
    public string DisplayName => Value switch
    {
        "webchat" => "web chat",
        "whatsapp" => "WhatsApp",
        "messenger" => "Messenger",
        "telegram" => "Telegram",
        "sms" => "SMS",
        var other => other,
    };

    public static bool IsValid([NotNullWhen(true)] string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out ChannelId channel)
    {
        channel = IsValid(value) ? new ChannelId(value) : default;
        return channel._value is not null;
    }

    public bool Equals(ChannelId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ChannelId other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    public override string ToString() => _value ?? string.Empty;

    public static bool operator ==(ChannelId left, ChannelId right) => left.Equals(right);

    public static bool operator !=(ChannelId left, ChannelId right) => !left.Equals(right);
}
