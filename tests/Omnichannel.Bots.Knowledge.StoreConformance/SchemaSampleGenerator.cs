using System.Text.Json.Nodes;
using NJsonSchema;

namespace Omnichannel.Bots.Knowledge.StoreConformance;

/// <summary>
/// Builds one JSON value that satisfies an OpenAPI 3 schema: the spec's <c>example</c> for a scalar when it has
/// one, the first enum value, the first non-null branch of <c>anyOf</c>/<c>oneOf</c>, every branch of <c>allOf</c>
/// merged, one item per array, every property of an object (optional ones only down to <see cref="OptionalDepth"/>).
/// NJsonSchema's own sample generator picks branches that break <c>oneOf</c> and point ids, hence this one.
/// </summary>
internal static class SchemaSampleGenerator
{
    private const int OptionalDepth = 6;
    private const int MaxDepth = 24;

    public static JsonNode? Generate(JsonSchema schema) => Generate(schema, 0);

    private static JsonNode? Generate(JsonSchema schema, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException("Schema sample generation recursed past depth " + MaxDepth + " (a required property cycle).");
        }

        schema = schema.ActualSchema;
        var branches = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
        if (branches.Count > 0 && schema.Properties.Count == 0 && schema.Type == JsonObjectType.None)
        {
            var branch = branches.FirstOrDefault(b => b.ActualSchema.Type != JsonObjectType.Null) ?? branches.First();
            return Generate(branch, depth + 1);
        }

        if (schema.Enumeration.Count > 0)
        {
            return JsonValue.Create(schema.Enumeration.First(e => e is not null)?.ToString());
        }

        var type = schema.Type;
        if (type == JsonObjectType.None && (schema.ActualProperties.Count > 0 || schema.AllOf.Count > 0))
        {
            type = JsonObjectType.Object;
        }

        if (type.HasFlag(JsonObjectType.Object))
        {
            var result = new JsonObject();
            foreach (var part in schema.AllOf)
            {
                if (Generate(part, depth + 1) is JsonObject merged)
                {
                    foreach (var (name, value) in merged.ToList())
                    {
                        merged.Remove(name);
                        result[name] = value;
                    }
                }
            }

            foreach (var (name, property) in schema.ActualProperties)
            {
                if (property.IsRequired || schema.RequiredProperties.Contains(name) || depth <= OptionalDepth)
                {
                    result[name] = Generate(property, depth + 1);
                }
            }

            return result;
        }

        if (type.HasFlag(JsonObjectType.Array))
        {
            return schema.Item is null ? new JsonArray() : new JsonArray(Generate(schema.Item, depth + 1));
        }

        if (type.HasFlag(JsonObjectType.String))
        {
            return JsonValue.Create(schema.Example?.ToString() ?? (schema.Format == "uuid" ? "5c56c793-69f3-4fbf-87e6-c4bf54c28c26" : schema.Format == "date-time" ? "2026-01-01T00:00:00Z" : "text"));
        }

        if (type.HasFlag(JsonObjectType.Integer))
        {
            return JsonValue.Create((long)Math.Max(schema.Minimum ?? 1, 1));
        }

        if (type.HasFlag(JsonObjectType.Number))
        {
            return JsonValue.Create((double)Math.Max(schema.Minimum ?? 0.5m, 0.5m));
        }

        if (type.HasFlag(JsonObjectType.Boolean))
        {
            return JsonValue.Create(true);
        }

        return null;
    }
}
