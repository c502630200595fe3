namespace Omnichannel.Bots.Recognizers;

/// <summary>Which way a date without a year, or a bare weekday, is resolved from today.</summary>
public enum DateDirection
{
    /// <summary>The next occurrence ("friday" is the coming Friday; "14 March" is this year's or next year's).</summary>
    Future,

    /// <summary>The most recent occurrence ("friday" is the Friday just gone).</summary>
    Past,
}
