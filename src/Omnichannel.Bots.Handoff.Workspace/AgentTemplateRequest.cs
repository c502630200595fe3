using System.Globalization;
using System.Text.Json;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// The body of <c>POST /api/agent/tickets/{id}/template</c>: an approved template's name and language, the values of its
/// body placeholders in order, and optionally its wording as the transcript should show it (else a line naming the
/// template and its values).
/// </summary>
internal sealed record AgentTemplateRequest(MessageTemplate Template, string PreviewText)
{
    public const string Shape = "{\"name\": \"order_update\", \"language\": \"en_US\", \"parameters\": [\"value 1\", ...], \"text\": \"its wording (optional)\"}";

    /// <summary>The longest template name (Meta allows 512).</summary>
    public const int MaxNameLength = 512;

    /// <summary>The longest language code (<c>en_US</c>, <c>pt_BR</c>).</summary>
    public const int MaxLanguageLength = 20;

    /// <summary>At most this many placeholder values, each of at most <see cref="MaxParameterLength"/> characters.</summary>
    public const int MaxParameters = 20;

    public const int MaxParameterLength = 1024;

    /// <summary>The request, or a problem naming the field that is wrong.</summary>
    public static (AgentTemplateRequest? Request, string? Problem) Parse(JsonElement root, int maxTextLength)
    {
        var (name, nameProblem) = AgentJson.RequiredString(root, "name", MaxNameLength);
        var (language, languageProblem) = AgentJson.RequiredString(root, "language", MaxLanguageLength);
        if ((nameProblem ?? languageProblem) is { } missing)
        {
            return (null, missing);
        }

        var (parameters, parametersProblem) = Parameters(root);
        if (parametersProblem is not null)
        {
            return (null, parametersProblem);
        }

        var template = new MessageTemplate(name, language) { BodyParameters = parameters };
        if (!root.TryGetProperty("text", out var text) || text.ValueKind == JsonValueKind.Null)
        {
            return (new AgentTemplateRequest(template, DefaultPreview(template)), null);
        }

        var (preview, textProblem) = AgentJson.RequiredString(root, "text", maxTextLength);
        return textProblem is null ? (new AgentTemplateRequest(template, preview), null) : (null, textProblem);
    }

    /// <summary>What the transcript shows when the agent gave no wording: the template, its language and its values.</summary>
    private static string DefaultPreview(MessageTemplate template) =>
        template.BodyParameters.Count == 0
            ? $"[Template {template.Name} ({template.Language})]"
            : $"[Template {template.Name} ({template.Language}): {string.Join(", ", template.BodyParameters)}]";

    private static (IReadOnlyList<string> Values, string? Problem) Parameters(JsonElement root)
    {
        if (!root.TryGetProperty("parameters", out var values) || values.ValueKind == JsonValueKind.Null)
        {
            return ([], null);
        }

        if (values.ValueKind != JsonValueKind.Array)
        {
            return ([], "'parameters' must be an array of strings.");
        }

        if (values.GetArrayLength() > MaxParameters)
        {
            return ([], string.Create(CultureInfo.InvariantCulture, $"'parameters' has {values.GetArrayLength()} values; the limit is {MaxParameters}."));
        }

        var list = new List<string>();
        foreach (var value in values.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                return ([], string.Create(CultureInfo.InvariantCulture, $"'parameters' value {list.Count + 1} must be a non-empty string."));
            }

            var text = value.GetString()!.Trim();
            if (text.Length > MaxParameterLength)
            {
                return ([], string.Create(CultureInfo.InvariantCulture, $"'parameters' value {list.Count + 1} is {text.Length} characters; the limit is {MaxParameterLength}."));
            }

            list.Add(text);
        }

        return (list, null);
    }
}
