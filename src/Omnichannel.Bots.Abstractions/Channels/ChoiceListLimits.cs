namespace Omnichannel.Bots;

/// <summary>
/// A channel's second way to show choices when they do not fit as buttons: a list of at most <see cref="MaxRows"/>
/// rows with titles of at most <see cref="MaxTitleLength"/> characters (WhatsApp: 10 rows of 24).
/// </summary>
public sealed record ChoiceListLimits
{
    public ChoiceListLimits(int maxRows, int maxTitleLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTitleLength, 1);
        MaxRows = maxRows;
        MaxTitleLength = maxTitleLength;
    }

    public int MaxRows { get; }

    public int MaxTitleLength { get; }
}
