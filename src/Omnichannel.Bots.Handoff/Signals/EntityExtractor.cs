using System.Globalization;
using System.Text.RegularExpressions;
using Omnichannel.Bots.Recognizers;
using PhoneNumbers;

namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>
/// Picks order numbers, emails, phone numbers and amounts out of one customer message, for the handoff packet and the
/// routing rules. Pure and deterministic. Values are normalized (<see cref="PacketEntity"/>): order numbers upper
/// case without "#", emails lower case, phones E.164, amounts <c>"120.00 USD"</c> (invariant, two decimals; a bare
/// number after a money word such as "refund of 250" is an amount of unknown currency, <c>"250.00"</c>; any other bare
/// number is not an amount). Each span of text is one entity at most (an email's digits are not a phone, an order
/// number is not a phone), and a value appears once per message. Results are in the order they appear in the text.
/// Only the first <see cref="MaxTextLength"/> characters of a message are read.
/// </summary>
public sealed class EntityExtractor
{
    public const int MaxTextLength = 20_000;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex? _orderNumberPattern;
    private readonly string _phoneRegion;

    /// <summary>
    /// <paramref name="orderNumberPattern"/> (<c>Handoff:OrderNumberPattern</c>) replaces the default order-number
    /// forms; its group named <c>id</c> (else its first group, else the whole match) is the number. It is matched case
    /// insensitively with a 200 ms timeout. <paramref name="defaultPhoneRegion"/> (ISO 3166 code, "US") reads numbers
    /// written without a country code; null or empty reads only numbers with one ("+44 ...").
    /// </summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression, or the region is unknown.</exception>
    public EntityExtractor(string? orderNumberPattern = null, string? defaultPhoneRegion = "US")
    {
        if (!string.IsNullOrWhiteSpace(orderNumberPattern))
        {
            try
            {
                _orderNumberPattern = new Regex(orderNumberPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException(
                    $"{HandoffOptions.SectionName}:{nameof(HandoffOptions.OrderNumberPattern)} is not a valid regular expression " +
                    $"('{orderNumberPattern}'): {ex.Message}",
                    nameof(orderNumberPattern),
                    ex);
            }
        }

        if (string.IsNullOrWhiteSpace(defaultPhoneRegion))
        {
            _phoneRegion = "ZZ";
        }
        else
        {
            _phoneRegion = defaultPhoneRegion.Trim().ToUpperInvariant();
            if (!PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(_phoneRegion))
            {
                throw new ArgumentException(
                    $"'{defaultPhoneRegion}' is not a phone region libphonenumber knows; use a two-letter country code such as US, GB, DE.",
                    nameof(defaultPhoneRegion));
            }
        }
    }

    /// <summary>The entities in <paramref name="text"/>, each stamped with <paramref name="at"/>; empty for null or blank text.</summary>
    public IReadOnlyList<PacketEntity> Extract(string? text, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        var found = new List<(PacketEntity Entity, int Start, int Length)>();
        void Claim(string kind, string value, int start, int length)
        {
            var end = start + length;
            foreach (var (entity, otherStart, otherLength) in found)
            {
                if (start < otherStart + otherLength && otherStart < end)
                {
                    return;
                }

                if (entity.Kind == kind && entity.Value == value)
                {
                    return;
                }
            }

            found.Add((new PacketEntity(kind, value, text.Substring(start, length)) { At = at }, start, length));
        }

        foreach (var email in EmailRecognizer.FindAll(text))
        {
            Claim(EntityKinds.Email, email.Value.ToLowerInvariant(), email.Start, email.Length);
        }

        foreach (var (value, start, length) in AmountFinder.Find(text))
        {
            Claim(EntityKinds.Amount, value, start, length);
        }

        var orders = _orderNumberPattern is null
            ? OrderNumberFinder.FindDefault(text)
            : OrderNumberFinder.Find(_orderNumberPattern, text, requireIdShape: false);
        foreach (var (value, start, length) in orders)
        {
            Claim(EntityKinds.OrderNumber, value, start, length);
        }

        foreach (var phone in PhoneRecognizer.FindAll(text, _phoneRegion))
        {
            Claim(EntityKinds.Phone, phone.Value, phone.Start, phone.Length);
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found.ConvertAll(f => f.Entity);
    }

    /// <summary>
    /// Reads an <c>amount</c> entity's value: <c>"120.50 EUR"</c> → 120.50 and "EUR"; <c>"250.00"</c> → 250 and ""
    /// (currency unknown). False for other kinds and for values that are not amounts.
    /// </summary>
    public static bool TryParseAmount(PacketEntity entity, out decimal amount, out string currency)
    {
        ArgumentNullException.ThrowIfNull(entity);
        amount = 0;
        currency = string.Empty;
        if (entity.Kind != EntityKinds.Amount || string.IsNullOrWhiteSpace(entity.Value))
        {
            return false;
        }

        var parts = entity.Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 2
            || !decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out amount))
        {
            amount = 0;
            return false;
        }

        currency = parts.Length == 2 ? parts[1].ToUpperInvariant() : string.Empty;
        return true;
    }
}
