using YamlDotNet.RepresentationModel;

namespace Omnichannel.Bots.Knowledge;

/// <summary>Reads the keys of a YAML mapping (front matter, a YAML FAQ entry) into an <see cref="ArticleDraft"/>.</summary>
internal static class ArticleFieldReader
{
    public static readonly string[] FrontMatterKeys = ["id", "title", "locale", "tags", "questions", "related", "channels", "url"];
    public static readonly string[] FaqEntryKeys = ["id", "title", "question", "questions", "answer", "tags", "locale", "related", "channels", "url"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lang"] = "locale",
        ["language"] = "locale",
        ["culture"] = "locale",
        ["name"] = "title",
        ["heading"] = "title",
        ["keywords"] = "tags",
        ["categories"] = "tags",
        ["link"] = "url",
        ["see-also"] = "related",
        ["examples"] = "questions",
        ["slug"] = "id",
    };

    /// <summary>Reads the mapping's keys; returns the raw <c>answer</c> scalar of a FAQ entry (null when absent).</summary>
    public static YamlScalarNode? Read(YamlMappingNode mapping, IReadOnlyList<string> knownKeys, ArticleDraft draft, DiagnosticBag bag)
    {
        YamlScalarNode? answer = null;
        foreach (var (keyNode, value) in mapping.Children)
        {
            // A repeated key is stopped while loading (CheckedYamlParser).
            if (keyNode is not YamlScalarNode keyScalar || keyScalar.Text() is not { } key)
            {
                bag.Error(keyNode.Line(), "a key must be a plain name such as 'title'");
                continue;
            }

            if (!knownKeys.Contains(key))
            {
                bag.Warning(keyNode.Line(), UnknownKey(key, knownKeys));
                continue;
            }

            switch (key)
            {
                case "id":
                    draft.Id = Text(key, value, draft, bag) ?? string.Empty;
                    draft.IdLine = value.Line();
                    break;
                case "title":
                    draft.Title = Text(key, value, draft, bag) ?? string.Empty;
                    draft.TitleLine = value.Line();
                    break;
                case "locale":
                    draft.Locale = Text(key, value, draft, bag) ?? string.Empty;
                    draft.LocaleLine = value.Line();
                    break;
                case "url":
                    draft.Url = Text(key, value, draft, bag);
                    draft.UrlLine = value.Line();
                    break;
                case "question":
                    if (Text(key, value, draft, bag) is { } question && question.Trim().Length > 0)
                    {
                        draft.Questions.Insert(0, question);
                    }

                    break;
                case "answer":
                    if (value is YamlScalarNode scalar)
                    {
                        answer = scalar;
                    }
                    else
                    {
                        draft.InvalidFields.Add(key);
                        bag.Error(value.Line(), $"'answer' must be text, not {value.Kind()} (use 'answer: |' for several lines)");
                    }

                    break;
                case "tags":
                    List(key, value, draft.Tags, null, bag);
                    break;
                case "questions":
                    List(key, value, draft.Questions, null, bag);
                    break;
                case "related":
                    List(key, value, draft.Related, draft.RelatedLines, bag);
                    break;
                case "channels":
                    List(key, value, draft.Channels, null, bag);
                    break;
            }
        }

        return answer;
    }

    private static string UnknownKey(string key, IReadOnlyList<string> knownKeys)
    {
        var message = $"unknown key '{TextTools.Clip(key, 40)}'";
        if (key.Equals("answer", StringComparison.OrdinalIgnoreCase) && !knownKeys.Contains("answer"))
        {
            return message + ": the answer is the Markdown below the front matter";
        }

        var suggestion = TextTools.DidYouMean(key, knownKeys)
            ?? (Aliases.TryGetValue(key, out var alias) && knownKeys.Contains(alias) ? alias : null);
        return suggestion is null
            ? $"{message} (known keys: {string.Join(", ", knownKeys)})"
            : $"{message} (did you mean '{suggestion}'?)";
    }

    private static string? Text(string key, YamlNode value, ArticleDraft draft, DiagnosticBag bag)
    {
        if (value is YamlScalarNode scalar)
        {
            return scalar.Text();
        }

        draft.InvalidFields.Add(key);
        bag.Error(value.Line(), $"'{key}' must be text, not {value.Kind()}");
        return null;
    }

    private static void List(string key, YamlNode value, List<string> into, List<int>? lines, DiagnosticBag bag)
    {
        switch (value)
        {
            case YamlScalarNode when value.IsNothing():
                return;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is not YamlScalarNode scalar)
                    {
                        bag.Error(item.Line(), $"each entry of '{key}' must be text, not {item.Kind()}");
                    }
                    else if (scalar.Text() is not { } text || text.Trim().Length == 0)
                    {
                        bag.Warning(item.Line(), $"empty entry in '{key}' (ignored)");
                    }
                    else
                    {
                        into.Add(key == "questions" ? text : text.Trim());
                        lines?.Add(item.Line());
                    }
                }

                return;
            default:
                bag.Error(value.Line(), $"'{key}' must be a list, not {value.Kind()}: write '{key}: [a, b]' or one '- entry' per line below '{key}:'");
                return;
        }
    }
}
