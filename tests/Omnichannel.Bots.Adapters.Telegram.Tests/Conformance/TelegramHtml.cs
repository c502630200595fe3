using System.Globalization;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>
/// How long Telegram counts a <c>parse_mode</c> HTML text against its 4,096 limit: the length after entity parsing, in
/// UTF-16 code units (Bot API "Formatting options", HTML style: tags are markup, and the named entities
/// <c>&amp;lt; &amp;gt; &amp;amp; &amp;quot;</c> and numeric entities are one character each).
/// </summary>
public static partial class TelegramHtml
{
    public static int VisibleLength(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var withoutTags = Tag().Replace(html, string.Empty);
        return Entity().Replace(withoutTags, Decode).Length;
    }

    private static string Decode(Match entity)
    {
        var name = entity.Groups[1].Value;
        return name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            _ when name.StartsWith("#x", StringComparison.OrdinalIgnoreCase) => char.ConvertFromUtf32(int.Parse(name[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
            _ => char.ConvertFromUtf32(int.Parse(name[1..], CultureInfo.InvariantCulture)),
        };
    }

    [GeneratedRegex("<[^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex("&(lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});", RegexOptions.CultureInvariant)]
    private static partial Regex Entity();
}
