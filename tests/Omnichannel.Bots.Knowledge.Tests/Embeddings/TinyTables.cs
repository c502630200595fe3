namespace Omnichannel.Bots.Knowledge.Tests.Embeddings;

/// <summary>Small hand-made word-vector tables for tests that must not depend on the bundled one.</summary>
internal static class TinyTables
{
    /// <summary>A 4-dimensional table: words in rank order with exact int8 rows (scale 1/127).</summary>
    public static WordVectorTable Create(float[]? component = null, params (string Word, sbyte[] Row)[] words)
    {
        if (words.Length == 0)
        {
            words =
            [
                ("the", [127, 0, 0, 0]),
                ("card", [0, 127, 0, 0]),
                ("arrived", [0, 0, 127, 0]),
                ("refund", [0, 0, 0, 127]),
                ("do", [64, 64, 0, 0]),
                ("not", [0, 64, 64, 0]),
                ("am", [0, 0, 64, 64]),
                ("i", [64, 0, 0, 64]),
                ("dont", [10, 10, 10, 10]),
            ];
        }

        var dims = words[0].Row.Length;
        var rows = words.SelectMany(w => w.Row).ToArray();
        return new WordVectorTable(dims, 1000, "test", words.Select(w => w.Word).ToList(), Enumerable.Range(0, words.Length).Select(i => i * 2).ToList(),
            Enumerable.Repeat(1f / 127f, words.Length).ToList(), rows, component ?? []);
    }
}
