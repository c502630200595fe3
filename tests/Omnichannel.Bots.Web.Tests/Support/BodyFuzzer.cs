using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Bad request bodies made from a valid one with a seeded <see cref="Random"/> (the same seed makes the same bodies):
/// random bytes, invalid UTF-8 inside a JSON string, truncated JSON, wrong JSON types, huge numbers, deeply nested
/// arrays and byte-level mutations.
/// </summary>
public sealed class BodyFuzzer(Random random)
{
    public static IReadOnlyList<string> Kinds { get; } = ["random-bytes", "invalid-utf8-in-string", "truncated", "wrong-types", "huge-numbers", "deep-nesting", "mutated"];

    private const string Placeholder = "\u0001fuzz-literal\u0001";

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80],
        "\\ud800"u8.ToArray(), "\\udc00"u8.ToArray(), "\\udbff\\u0041"u8.ToArray(),
    ];

    private static readonly string[] HugeNumbers =
    [
        "1e999999", "-1e999999", "123456789012345678901234567890123456789012345678901234567890", "9223372036854775808",
        "-9223372036854775809", "1" + new string('0', 400), "0." + new string('0', 400) + "1", "1E+400", "-0",
    ];

    private static readonly string[] WrongValues = ["42", "-1.5", "true", "false", "null", "[]", "{}", "[1,\"a\",null]", "{\"a\":{\"b\":[]}}", "\"\""];

    public byte[] Make(string kind, byte[] valid) => kind switch
    {
        "random-bytes" => RandomBytes(),
        "invalid-utf8-in-string" => InvalidUtf8InString(valid),
        "truncated" => valid.Length == 0 ? [] : valid[..random.Next(valid.Length)],
        "wrong-types" => ReplaceAValue(valid, WrongValues[random.Next(WrongValues.Length)]),
        "huge-numbers" => ReplaceAValue(valid, HugeNumbers[random.Next(HugeNumbers.Length)]),
        "deep-nesting" => DeepNesting(valid),
        "mutated" => Mutate(valid),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a fuzz kind."),
    };

    /// <summary>True when <paramref name="body"/> is JSON whose every string and property name is valid Unicode text.</summary>
    public static bool IsStrictJson(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    _ = reader.GetString();
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A body for a failure message: text where it is printable UTF-8, else hex; at most 300 bytes.</summary>
    public static string Describe(byte[]? body)
    {
        if (body is null)
        {
            return "(none)";
        }

        var shown = body.AsSpan(0, Math.Min(body.Length, 300));
        var text = IsStrictUtf8(shown) && !shown.ToArray().Any(b => b < 0x20) ? Encoding.UTF8.GetString(shown) : "hex " + Convert.ToHexString(shown);
        return $"{body.Length} bytes: {text}{(body.Length > shown.Length ? "…" : "")}";
    }

    private static bool IsStrictUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(1, 600)];
        random.NextBytes(bytes);
        if (random.Next(2) == 0)
        {
            bytes[0] = (byte)'{';
        }

        return bytes;
    }

    private byte[] InvalidUtf8InString(byte[] valid)
    {
        // Where each string (or property name) starts and ends, from the reader's token positions.
        var strings = new List<(int Start, int End)>();
        var reader = new Utf8JsonReader(valid);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                var start = (int)reader.TokenStartIndex + 1;
                strings.Add((start, start + reader.ValueSpan.Length));
            }
        }

        if (strings.Count == 0)
        {
            return [.. "{\"text\":\"a"u8, .. BadUtf8[random.Next(BadUtf8.Length)], .. "b\"}"u8];
        }

        var (from, to) = strings[random.Next(strings.Count)];
        var at = random.Next(from, to + 1);
        var bad = BadUtf8[random.Next(BadUtf8.Length)];
        return [.. valid.AsSpan(0, at), .. bad, .. valid.AsSpan(at)];
    }

    private byte[] ReplaceAValue(byte[] valid, string literal)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(valid);
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetBytes(literal);
        }

        var slots = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(root, slots);
        if (slots.Count == 0 || random.Next(8) == 0)
        {
            return Encoding.UTF8.GetBytes(literal);
        }

        var (parent, name, index) = slots[random.Next(slots.Count)];
        if (name is not null)
        {
            parent[name] = Placeholder;
        }
        else
        {
            parent[index] = Placeholder;
        }

        var json = root!.ToJsonString();
        return Encoding.UTF8.GetBytes(json.Replace(JsonSerializer.Serialize(Placeholder), literal, StringComparison.Ordinal));
    }

    private static void Collect(JsonNode? node, List<(JsonNode Parent, string? Name, int Index)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    slots.Add((obj, name, -1));
                    Collect(child, slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i));
                    Collect(array[i], slots);
                }

                break;
        }
    }

    private byte[] DeepNesting(byte[] valid)
    {
        int[] depths = [31, 33, 63, 65, 129, 1_000, 10_000];
        var depth = depths[random.Next(depths.Length)];
        var nested = new string('[', depth) + "1" + new string(']', random.Next(4) == 0 ? depth / 2 : depth);
        return ReplaceAValue(valid, nested);
    }

    private byte[] Mutate(byte[] valid)
    {
        var bytes = new List<byte>(valid);
        var operations = random.Next(1, 9);
        for (var i = 0; i < operations; i++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                default:
                    var length = Math.Min(random.Next(1, 16), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Max(length, 0)));
                    break;
            }
        }

        return [.. bytes];
    }
}
