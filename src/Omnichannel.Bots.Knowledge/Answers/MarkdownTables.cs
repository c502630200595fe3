using System.Text;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Rewrites Markdown (GFM) tables as bullet lists, one bullet per row: <c>- **Standard**: Cost $7.95; Delivery 3-5
/// days</c>. No channel here draws tables (the widget, SMS and the messaging apps would show the raw pipes), while a
/// list reads well everywhere. Tables inside code fences are left alone.
/// </summary>
internal static partial class MarkdownTables
{
    public static string ToLists(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (!markdown.Contains('|', StringComparison.Ordinal))
        {
            return markdown;
        }

        var lines = markdown.Split('\n');
        var output = new StringBuilder(markdown.Length);
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (!inFence && line.Contains('|', StringComparison.Ordinal) && i + 1 < lines.Length && Separator().IsMatch(lines[i + 1].TrimEnd('\r')))
            {
                var header = Cells(line);
                i += 2;
                for (; i < lines.Length && lines[i].Contains('|', StringComparison.Ordinal) && lines[i].Trim().Length > 0; i++)
                {
                    output.Append(Row(header, Cells(lines[i].TrimEnd('\r')))).Append('\n');
                }

                i--;
                continue;
            }

            output.Append(line).Append('\n');
        }

        return output.ToString().TrimEnd('\n');
    }

    private static string Row(List<string> header, List<string> cells)
    {
        var parts = new List<string>(cells.Count);
        for (var c = 1; c < cells.Count; c++)
        {
            if (cells[c].Length > 0)
            {
                var name = c < header.Count ? header[c] : string.Empty;
                parts.Add(name.Length > 0 ? $"{name} {cells[c]}" : cells[c]);
            }
        }

        var lead = cells.Count > 0 && cells[0].Length > 0 ? $"**{cells[0].Trim('*')}**" : string.Empty;
        return parts.Count == 0 ? $"- {lead}" : lead.Length == 0 ? $"- {string.Join("; ", parts)}" : $"- {lead}: {string.Join("; ", parts)}";
    }

    /// <summary>The cells of a table row: split on pipes that are not escaped (<c>\|</c>), outer pipes dropped.</summary>
    private static List<string> Cells(string row)
    {
        var trimmed = row.Trim();
        if (trimmed.StartsWith('|'))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.EndsWith('|') && !trimmed.EndsWith("\\|", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^1];
        }

        var cells = new List<string>();
        var cell = new StringBuilder();
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (trimmed[i] == '\\' && i + 1 < trimmed.Length && trimmed[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (trimmed[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(trimmed[i]);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex Separator();
}
