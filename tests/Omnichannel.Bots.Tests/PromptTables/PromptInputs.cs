using System.Globalization;

namespace Omnichannel.Bots.Tests.PromptTables;

/// <summary>Builds prompt inputs for a fixed day: Wednesday 18 March 2026.</summary>
internal static class PromptInputs
{
    public static readonly DateOnly Today = new(2026, 3, 18);

    public static PromptInput Text(string? text, string culture = "en-US", string region = "US") =>
        new(text, null, CultureInfo.GetCultureInfo(culture), Today, region);

    public static PromptInput Tap(string value) =>
        new(null, value, CultureInfo.GetCultureInfo("en-US"), Today, "US");

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
