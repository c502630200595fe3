using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Infrastructure;

namespace Omnichannel.Bots.Knowledge.StoreConformance;

/// <summary>
/// Qdrant's published REST contract (<c>tests/data/qdrant/openapi-v1.19.json</c>, copied to <c>qdrant/</c> in the test
/// output) as a validator: a request is checked against its operation (path template, method, query parameter names,
/// request body schema), a response body against the operation's response schema. NJsonSchema reads the schemas in
/// OpenAPI 3 mode (<c>nullable</c>, <c>anyOf</c>); <c>#/components/schemas/…</c> references are resolved by loading
/// every component schema as a definition of one document.
/// <para>
/// Request bodies are checked strictly: every object schema that declares <c>properties</c> and says nothing about
/// <c>additionalProperties</c> is read as closed (<see cref="QdrantClosedSchemas"/>), so a misspelled optional key is an
/// error naming its JSON path and the schema. Maps (<c>additionalProperties</c> a schema or <c>true</c>, or no
/// <c>properties</c>) stay open. Responses are checked as published (open), since Qdrant may add fields.
/// </para>
/// A contract check, not conformance with a running Qdrant.
/// </summary>
public sealed class QdrantOpenApiContract
{
    /// <summary>The spec file name inside the <c>qdrant</c> folder of the test output.</summary>
    public const string SpecFileName = "openapi-v1.19.json";

    private const string ComponentsPrefix = "#/components/schemas/";
    private static readonly Lazy<QdrantOpenApiContract> Shared = new(() => Load(FindSpecPath()));

    private readonly List<Operation> _operations;
    private readonly JsonSchema _requests;
    private readonly JsonSchema _responses;
    private readonly Dictionary<JsonSchema, string> _requestSchemaNames;

    private QdrantOpenApiContract(string specPath, List<Operation> operations, JsonSchema requests, JsonSchema responses)
    {
        SpecPath = specPath;
        _operations = operations;
        _requests = requests;
        _responses = responses;
        _requestSchemaNames = new Dictionary<JsonSchema, string>(ReferenceEqualityComparer.Instance);
        var bodies = operations.Where(o => o.RequestDefinition is not null).ToDictionary(o => o.RequestDefinition!, o => $"the request body of {o.Method} {o.Template}", StringComparer.Ordinal);
        foreach (var (name, schema) in requests.Definitions)
        {
            _requestSchemaNames.TryAdd(schema, bodies.GetValueOrDefault(name) ?? name);
        }
    }

    /// <summary>The spec file this contract was loaded from.</summary>
    public string SpecPath { get; }

    /// <summary>The contract loaded from <see cref="FindSpecPath"/> once per process (loading takes a second or two).</summary>
    public static QdrantOpenApiContract Default => Shared.Value;

    /// <summary>
    /// <c>qdrant/openapi-v1.19.json</c> next to the test binaries (the StoreConformance project copies
    /// <c>tests/data/qdrant</c> there). Throws <see cref="FileNotFoundException"/> naming the path when absent.
    /// </summary>
    public static string FindSpecPath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "qdrant", SpecFileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Qdrant's OpenAPI description is missing: expected '{path}', copied from tests/data/qdrant/{SpecFileName} by the Omnichannel.Bots.Knowledge.StoreConformance project (rebuild the test project).",
                path);
        }

        return path;
    }

    /// <summary>Loads and indexes the spec at <paramref name="specPath"/>.</summary>
    public static QdrantOpenApiContract Load(string specPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(specPath);
        if (!File.Exists(specPath))
        {
            throw new FileNotFoundException($"Qdrant's OpenAPI description is missing: expected '{specPath}'.", specPath);
        }

        var spec = JsonNode.Parse(File.ReadAllText(specPath))?.AsObject()
            ?? throw new InvalidDataException($"'{specPath}' is not a JSON object.");
        var definitions = new JsonObject();
        foreach (var (name, schema) in spec["components"]?["schemas"]?.AsObject() ?? [])
        {
            definitions[name] = schema?.DeepClone();
        }

        var operations = new List<Operation>();
        foreach (var (template, item) in spec["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, operationNode) in item!.AsObject())
            {
                if (operationNode is not JsonObject operation || method is "parameters" or "summary" or "description" or "servers")
                {
                    continue;
                }

                var key = operations.Count.ToString(CultureInfo.InvariantCulture);
                string? requestDefinition = null;
                if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } requestSchema)
                {
                    requestDefinition = "op" + key + "_request";
                    definitions[requestDefinition] = requestSchema.DeepClone();
                }

                var responses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
                {
                    if (response?["content"]?["application/json"]?["schema"] is { } responseSchema)
                    {
                        var name = "op" + key + "_response_" + status;
                        definitions[name] = responseSchema.DeepClone();
                        responses[status] = name;
                    }
                }

                var query = (operation["parameters"]?.AsArray() ?? []).Concat(item["parameters"]?.AsArray() ?? [])
                    .Where(p => (string?)p?["in"] == "query")
                    .Select(p => (string)p!["name"]!)
                    .ToHashSet(StringComparer.Ordinal);
                operations.Add(new Operation(method.ToUpperInvariant(), template, template.Split('/'), query, requestDefinition, responses));
            }
        }

        NullOnly(definitions);
        var closed = definitions.DeepClone().AsObject();
        QdrantClosedSchemas.Close(closed, ComponentsPrefix);
        return new QdrantOpenApiContract(specPath, operations, Parse(closed, specPath), Parse(definitions, specPath));
    }

    /// <summary>
    /// Checks one request: the path (query string allowed) must match a path template of the spec with that method,
    /// every query parameter must be one the operation declares, and the JSON body must validate against the
    /// operation's request body schema (a body where the operation has none, or none where it has one, fails too).
    /// Throws <see cref="QdrantContractException"/> listing every error with its JSON path.
    /// </summary>
    public void ValidateRequest(string method, string pathAndQuery, string? jsonBody)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathAndQuery);
        var queryStart = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart];
        if (!path.StartsWith('/'))
        {
            path = "/" + path; // a path relative to the HttpClient's BaseAddress, as the connector writes it
        }

        var query = queryStart < 0 ? string.Empty : pathAndQuery[(queryStart + 1)..];
        var operation = Find(method, path);
        var errors = new List<string>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(pair.Split('=')[0]);
            if (!operation.QueryParameters.Contains(name))
            {
                errors.Add($"query: parameter '{name}' is not declared for {operation.Method} {operation.Template}");
            }
        }

        if (operation.RequestDefinition is null)
        {
            if (!string.IsNullOrWhiteSpace(jsonBody))
            {
                errors.Add($"body: {operation.Method} {operation.Template} takes no request body");
            }
        }
        else if (string.IsNullOrWhiteSpace(jsonBody))
        {
            errors.Add($"body: {operation.Method} {operation.Template} needs a JSON request body");
        }
        else
        {
            errors.AddRange(Validate(_requests.Definitions[operation.RequestDefinition], jsonBody));
        }

        if (errors.Count > 0)
        {
            throw new QdrantContractException($"{method} {pathAndQuery} breaks Qdrant's OpenAPI contract ({operation.Template}):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors), errors);
        }
    }

    /// <summary>
    /// Validates a response body against the schema the operation declares for <paramref name="status"/> (falling back
    /// to <c>4XX</c> / <c>default</c> as the spec does). Throws <see cref="QdrantContractException"/> with every error.
    /// </summary>
    public void ValidateResponse(string method, string pathTemplate, int status, string jsonBody)
    {
        ArgumentNullException.ThrowIfNull(jsonBody);
        var errors = Validate(ResponseSchema(method, pathTemplate, status), jsonBody);
        if (errors.Count > 0)
        {
            throw new QdrantContractException($"Response {status} of {method} {pathTemplate} breaks Qdrant's OpenAPI contract:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors), errors);
        }
    }

    /// <summary>The spec's path template that <paramref name="method"/> <paramref name="path"/> matches, or null when none does.</summary>
    public string? FindTemplate(string method, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var queryStart = path.IndexOf('?', StringComparison.Ordinal);
        path = queryStart < 0 ? path : path[..queryStart];
        return TryFind(method, path.StartsWith('/') ? path : "/" + path, out var operation) ? operation.Template : null;
    }

    private JsonSchema ResponseSchema(string method, string pathTemplate, int status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathTemplate);
        var operation = Find(method, pathTemplate.StartsWith('/') ? pathTemplate : "/" + pathTemplate);
        var code = status.ToString(CultureInfo.InvariantCulture);
        var name = operation.Responses.GetValueOrDefault(code)
            ?? operation.Responses.GetValueOrDefault(code[0] + "XX")
            ?? operation.Responses.GetValueOrDefault("default")
            ?? throw new QdrantContractException($"{operation.Method} {operation.Template} declares no JSON response for status {code}.", [$"responses.{code}: missing"]);
        return _responses.Definitions[name];
    }

    private static JsonSchema Parse(JsonObject definitions, string specPath)
    {
        var document = new JsonObject { ["definitions"] = definitions };
        var json = document.ToJsonString().Replace("\"" + ComponentsPrefix, "\"#/definitions/", StringComparison.Ordinal);
        return JsonSchemaSerialization.FromJsonAsync<JsonSchema>(
            json,
            SchemaType.OpenApi3,
            specPath,
            root => new JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator())),
            JsonSchema.CreateJsonSerializerContractResolver(SchemaType.OpenApi3),
            CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Qdrant writes "or null" as an <c>anyOf</c> branch <c>{"nullable": true}</c>. Read literally that branch is the
    /// empty schema and accepts anything, which would switch off the check of every optional field; it is read as
    /// "null only" (<c>{"type": "null"}</c>), which is what the spec's generator means.
    /// </summary>
    private static void NullOnly(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonObject only && only.Count == 1 && only["nullable"] is JsonValue flag && flag.TryGetValue<bool>(out var isNullable) && isNullable)
                    {
                        obj[name] = new JsonObject { ["type"] = "null" };
                    }
                    else
                    {
                        NullOnly(child);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject only && only.Count == 1 && only["nullable"] is JsonValue flag && flag.TryGetValue<bool>(out var isNullable) && isNullable)
                    {
                        array[i] = new JsonObject { ["type"] = "null" };
                    }
                    else
                    {
                        NullOnly(array[i]);
                    }
                }

                break;
        }
    }

    private List<string> Validate(JsonSchema schema, string json)
    {
        try
        {
            return schema.Validate(json, SchemaType.OpenApi3).Select(Describe).ToList();
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            return [$"body: not valid JSON ({e.Message})"];
        }
    }

    private string Describe(NJsonSchema.Validation.ValidationError error)
    {
        var path = error.Path is null or "#" or "" ? "(body)" : error.Path.StartsWith("#/", StringComparison.Ordinal) ? error.Path[2..] : error.Path;
        var text = $"{path}: {error.Kind}";
        if (error.Kind == NJsonSchema.Validation.ValidationErrorKind.NoAdditionalPropertiesAllowed)
        {
            var owner = error.Schema is null ? null : _requestSchemaNames.GetValueOrDefault(error.Schema.ActualSchema);
            text += $" (property '{error.Property}' is not declared by {(owner is null ? "its object schema" : "schema " + owner)})";
        }

        if (error is NJsonSchema.Validation.ChildSchemaValidationError child)
        {
            var inner = child.Errors.SelectMany(e => e.Value).Select(Describe).Distinct(StringComparer.Ordinal).Take(6);
            text += " [" + string.Join("; ", inner) + "]";
        }

        return text;
    }

    private Operation Find(string method, string path) => TryFind(method, path, out var operation)
        ? operation
        : throw new QdrantContractException(
            $"{method} {path}: Qdrant's OpenAPI file has no such operation" + (_operations.Any(o => Matches(o, path)) ? " (the path exists with other methods: " + string.Join(", ", _operations.Where(o => Matches(o, path)).Select(o => o.Method)) + ")." : " (no matching path template)."),
            [$"{method} {path}: not in the spec"]);

    private bool TryFind(string method, string path, out Operation operation)
    {
        var upper = method.ToUpperInvariant();
        var match = _operations
            .Where(o => o.Method == upper && Matches(o, path))
            .OrderByDescending(o => o.Segments.Count(s => !s.StartsWith('{'))) // literal segments beat parameters
            .FirstOrDefault();
        operation = match!;
        return match is not null;
    }

    private static bool Matches(Operation operation, string path)
    {
        var segments = path.Split('/');
        if (segments.Length != operation.Segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var template = operation.Segments[i];
            var isParameter = template.StartsWith('{') && template.EndsWith('}');
            if (isParameter ? segments[i].Length == 0 : !string.Equals(template, segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Operation(string Method, string Template, string[] Segments, HashSet<string> QueryParameters, string? RequestDefinition, Dictionary<string, string> Responses);
}
