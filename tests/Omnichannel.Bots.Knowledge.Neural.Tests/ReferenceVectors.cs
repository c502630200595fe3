using System.Text.Json;

namespace Omnichannel.Bots.Knowledge.Neural.Tests;

/// <summary>
/// Data/minilm-reference.json: word-piece ids and vectors for Data/minilm-reference-sentences.txt computed independently
/// of the C# embedder by tests/tools/minilm_reference_vectors.py (its own BERT tokenizer and a numpy evaluation of the
/// ONNX graph, from the model and vocabulary extracted from the carrier assembly). See Data/README.md to regenerate.
/// </summary>
public sealed record ReferenceVectors(string ModelSha256, int MaxLength, IReadOnlyList<ReferenceSentence> Sentences)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static ReferenceVectors Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "minilm-reference.json");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ReferenceVectors>(stream, Json)
            ?? throw new InvalidOperationException($"{path} is empty.");
    }
}
