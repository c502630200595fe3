using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Parses one knowledge file (<c>*.md</c> article, <c>*.csv</c> or <c>*.yaml</c>/<c>*.yml</c> FAQ) into articles and
/// diagnostics. Never throws for bad content: every problem is a <see cref="KnowledgeDiagnostic"/> with its file line.
/// </summary>
public static class KnowledgeFileParser
{
    /// <summary>Text that marks an answer written by <c>omnibot kb import-csv</c> as a placeholder (validation warns about it).</summary>
    public const string PlaceholderMarker = MarkdownBody.PlaceholderMarker;

    /// <summary>At most this many characters of plain text in a <c>## Short</c> section.</summary>
    public const int MaxShortAnswerLength = MarkdownBody.MaxShortLength;

    private static readonly string[] Extensions = [".md", ".csv", ".yaml", ".yml"];

    /// <summary>True when the file's extension is one the folder reader parses (.md, .csv, .yaml, .yml).</summary>
    public static bool IsKnowledgeFileName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Parses the file's bytes (UTF-8, with or without BOM; CRLF or LF). <paramref name="relativePath"/> is relative to
    /// the knowledge folder with '/' separators; its extension selects the format.
    /// </summary>
    public static KnowledgeFile Parse(string relativePath, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = relativePath.Replace('\\', '/');
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var bag = new DiagnosticBag(path);
        var text = Decode(content, bag);
        var articles = text is null ? [] : ParseText(path, text, bag);
        return new KnowledgeFile(path, hash, articles, bag.Items);
    }

    /// <summary>Parses text already decoded; the content hash is the SHA-256 of its UTF-8 bytes.</summary>
    public static KnowledgeFile Parse(string relativePath, string content)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(content);
        var path = relativePath.Replace('\\', '/');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        var bag = new DiagnosticBag(path);
        var text = content.StartsWith('\uFEFF') ? content[1..] : content;
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            bag.Error(TextTools.LineOf(text, text.IndexOf('\0', StringComparison.Ordinal)), "the file contains a NUL character: is it a binary file? knowledge files are UTF-8 text");
            return new KnowledgeFile(path, hash, [], bag.Items);
        }

        return new KnowledgeFile(path, hash, ParseText(path, NormalizeNewlines(text), bag), bag.Items);
    }

    /// <summary>A diagnostic-only file for one that could not be read (the runtime keeps its last good version).</summary>
    public static KnowledgeFile Unreadable(string relativePath, string reason)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = relativePath.Replace('\\', '/');
        var bag = new DiagnosticBag(path);
        bag.Error(0, $"cannot read the file: {reason}");
        return new KnowledgeFile(path, string.Empty, [], bag.Items);
    }

    private static IReadOnlyList<KnowledgeArticle> ParseText(string path, string text, DiagnosticBag bag)
    {
        if (text.Trim().Length == 0)
        {
            bag.Error(1, "the file is empty");
            return [];
        }

        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return MarkdownArticleParser.Parse(text, bag);
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return CsvFaqParser.Parse(text, bag);
        }

        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return YamlFaqParser.Parse(text, bag);
        }

        bag.Error(0, "not a knowledge file: use .md for articles, .csv or .yaml for FAQ lists");
        return [];
    }

    private static string? Decode(ReadOnlySpan<byte> content, DiagnosticBag bag)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            bag.Error(1, "the file is UTF-16 text: save it as UTF-8");
            return null;
        }

        var nul = content.IndexOf((byte)0);
        var invalid = Utf8.IsValid(content) ? -1 : FirstInvalidUtf8(content);
        var bad = nul >= 0 && (invalid < 0 || nul < invalid) ? nul : invalid;
        if (bad >= 0)
        {
            var line = content[..bad].Count((byte)'\n') + 1;
            bag.Error(line, bad == nul
                ? "the file contains a NUL byte: is it a binary file? knowledge files are UTF-8 text"
                : "the file is not valid UTF-8 text: save it as UTF-8");
            return null;
        }

        return NormalizeNewlines(Encoding.UTF8.GetString(content));
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> content)
    {
        var index = 0;
        while (index < content.Length)
        {
            var status = Rune.DecodeFromUtf8(content[index..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
            var ascii = content[index..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
            {
                return -1;
            }

            index += ascii;
        }

        return -1;
    }

    private static string NormalizeNewlines(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
}
