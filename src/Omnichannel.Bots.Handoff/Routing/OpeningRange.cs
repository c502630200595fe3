using System.Globalization;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>Open from <see cref="Start"/> (included) to <see cref="End"/> (excluded) in local time; <see cref="End"/> may be 24:00.</summary>
internal readonly record struct OpeningRange(TimeSpan Start, TimeSpan End)
{
    public bool Contains(TimeSpan timeOfDay) => timeOfDay >= Start && timeOfDay < End;

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static string Format(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}");
}
