using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Knowledge.StoreConformance;

/// <summary>
/// Rewrites OpenAPI 3 schemas (as JSON) so that request validation rejects undeclared properties. Qdrant's spec marks
/// only a few schemas <c>additionalProperties: false</c>; its server rejects unknown fields, so a misspelled optional
/// key would otherwise pass. Rules:
/// <list type="bullet">
/// <item>An object schema that declares <c>properties</c> and no <c>additionalProperties</c> becomes closed
/// (<c>additionalProperties: false</c>).</item>
/// <item>Maps stay open: <c>additionalProperties</c> a schema or <c>true</c>, or no <c>properties</c>.</item>
/// <item><c>allOf</c>: a property declared in any branch counts. A schema whose <c>allOf</c> combines its own properties
/// with a branch's, or two branches with properties, is closed over the union of their names, and its branches are
/// inlined as open copies (each would otherwise reject the others' properties). A lone <c>allOf: [{$ref}]</c> wrapper
/// (how Qdrant attaches a description to a reference) is left alone: the referenced schema is closed itself.</item>
/// <item><c>anyOf</c> / <c>oneOf</c>: every branch is closed on its own, so a branch matches only if it is closed-valid.</item>
/// </list>
/// </summary>
internal static class QdrantClosedSchemas
{
    private const int MaxDepth = 32;

    /// <summary>Closes every schema in <paramref name="definitions"/> (name → schema) in place; <paramref name="referencePrefix"/> is how references to them start.</summary>
    public static void Close(JsonObject definitions, string referencePrefix)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentException.ThrowIfNullOrEmpty(referencePrefix);
        var schemas = definitions.Select(d => d.Value).OfType<JsonObject>().ToList();
        foreach (var schema in schemas)
        {
            Walk(schema, s => MergeAllOf(s, definitions, referencePrefix));
        }

        foreach (var schema in definitions.Select(d => d.Value).OfType<JsonObject>().ToList())
        {
            Walk(schema, CloseOne);
        }
    }

    /// <summary>True when <paramref name="schema"/> is an object schema with declared properties and nothing said about others.</summary>
    public static bool IsClosable(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema["properties"] is JsonObject && !schema.ContainsKey("additionalProperties");
    }

    private static void CloseOne(JsonObject schema)
    {
        if (IsClosable(schema))
        {
            schema["additionalProperties"] = false;
        }
    }

    private static void MergeAllOf(JsonObject schema, JsonObject definitions, string referencePrefix)
    {
        if (schema["allOf"] is not JsonArray branches || schema.ContainsKey("additionalProperties"))
        {
            return;
        }

        var resolved = branches.Select(b => Resolve(b as JsonObject, definitions, referencePrefix)).ToList();
        var withProperties = resolved.Count(b => b is not null && PropertyNames(b, definitions, referencePrefix, 0).Count > 0);
        if (!(schema["properties"] is JsonObject || withProperties >= 2) || withProperties == 0)
        {
            return;
        }

        var properties = schema["properties"] as JsonObject ?? [];
        schema["properties"] = properties;
        for (var i = 0; i < branches.Count; i++)
        {
            if (resolved[i] is not { } branch)
            {
                continue;
            }

            foreach (var name in PropertyNames(branch, definitions, referencePrefix, 0))
            {
                if (!properties.ContainsKey(name))
                {
                    properties[name] = new JsonObject(); // declared by a branch; the branch checks its value
                }
            }

            var open = branch.DeepClone().AsObject();
            if (IsClosable(open))
            {
                open["additionalProperties"] = true; // the union is checked by the parent
            }

            branches[i] = open;
        }
    }

    private static HashSet<string> PropertyNames(JsonObject schema, JsonObject definitions, string referencePrefix, int depth)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (depth > MaxDepth)
        {
            return names;
        }

        if (schema["properties"] is JsonObject properties)
        {
            names.UnionWith(properties.Select(p => p.Key));
        }

        foreach (var branch in (schema["allOf"] as JsonArray ?? []).Select(b => Resolve(b as JsonObject, definitions, referencePrefix)).OfType<JsonObject>())
        {
            names.UnionWith(PropertyNames(branch, definitions, referencePrefix, depth + 1));
        }

        return names;
    }

    private static JsonObject? Resolve(JsonObject? schema, JsonObject definitions, string referencePrefix)
    {
        for (var i = 0; i < MaxDepth && schema?["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target); i++)
        {
            schema = target.StartsWith(referencePrefix, StringComparison.Ordinal) ? definitions[target[referencePrefix.Length..]] as JsonObject : null;
        }

        return schema;
    }

    /// <summary>Visits <paramref name="schema"/> and every sub-schema (properties, items, additionalProperties, allOf/anyOf/oneOf, not), not examples or defaults.</summary>
    private static void Walk(JsonObject schema, Action<JsonObject> visit)
    {
        visit(schema);
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var child in properties.Select(p => p.Value).OfType<JsonObject>().ToList())
            {
                Walk(child, visit);
            }
        }

        foreach (var key in (string[])["items", "additionalProperties", "not"])
        {
            if (schema[key] is JsonObject child)
            {
                Walk(child, visit);
            }
        }

        foreach (var key in (string[])["allOf", "anyOf", "oneOf"])
        {
            if (schema[key] is JsonArray children)
            {
                foreach (var child in children.OfType<JsonObject>().ToList())
                {
                    Walk(child, visit);
                }
            }
        }
    }
}
