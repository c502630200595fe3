using System.CommandLine;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// <c>omnibot kb validate|index|search|import-csv|eval</c>: the knowledge-base verbs. Arguments and options are declared
/// here; each verb's work is in its own class (<see cref="KbValidateCommand"/>, <see cref="KbIndexCommand"/>, ...).
/// </summary>
internal static class KbCommand
{
    public static Command Create(CliConsole console)
    {
        var kb = new Command("kb", "Knowledge base verbs (DIR is a knowledge folder, for example knowledge/).")
        {
            Validate(console),
            Index(console),
            Search(console),
            ImportCsv(console),
            Eval(console),
        };
        return kb;
    }

    private static Command Validate(CliConsole console)
    {
        var dir = Folder();
        dir.Validators.Add(result =>
        {
            if (result.Errors.Any() || result.Tokens.Count != 1 || Directory.Exists(result.Tokens[0].Value))
            {
                return;
            }

            var value = result.Tokens[0].Value;

            result.AddError(File.Exists(value) ? $"'{value}' is a file, not a folder" : $"folder '{value}' not found");
        });
        var command = new Command(
            "validate",
            "Checks every knowledge file under DIR (.md articles, .csv and .yaml FAQ files) and the links between them. "
            + "Prints DIR/file:line: error|warning: message lines and a summary; exits 1 when there are errors.")
        {
            dir,
        };
        command.SetAction((result, ct) => KbValidateCommand.RunAsync(result.GetValue(dir)!, console.Out, ct));
        return command;
    }

    private static Command Index(CliConsole console)
    {
        var dir = Folder();
        var data = Data();
        var command = new Command("index", "Builds or updates the embedded index of DIR (only chunks whose content changed are re-embedded).")
        {
            dir,
            data,
        };
        command.SetAction((result, ct) => KbIndexCommand.RunAsync(result.GetValue(dir)!, result.GetValue(data), console.For(command), ct));
        return command;
    }

    private static Command Search(CliConsole console)
    {
        var dir = Folder();
        var question = new Argument<string>("question") { Description = "the customer's question (quote it)" };
        CliValues.NoOptionLikeValues(question);
        question.Validators.Add(result =>
        {
            if (!result.Errors.Any() && result.Tokens.Count == 1 && string.IsNullOrWhiteSpace(result.Tokens[0].Value))
            {
                result.AddError("the question is empty.");
            }
        });
        var top = new Option<int>("--top")
        {
            Description = "articles to show",
            HelpName = "K",
            DefaultValueFactory = _ => 5,
            CustomParser = result => CliValues.PositiveInt(result, "--top"),
        };
        var json = new Option<bool>("--json") { Description = "one JSON object: question, decision, threshold, matches [{id, title, confidence, source, hits}]" };
        var data = Data();
        var command = new Command("search", "Ranked articles for a question, with confidence, the decision and the threshold.")
        {
            dir,
            question,
            top,
            json,
            data,
        };
        command.SetAction((result, ct) => KbSearchCommand.RunAsync(
            new KbSearchCommand.Request(result.GetValue(dir)!, result.GetValue(question)!, result.GetValue(top), result.GetValue(json), result.GetValue(data)),
            console.For(command),
            ct));
        return command;
    }

    private static Command Eval(CliConsole console)
    {
        var dir = Folder();
        var queries = new Argument<string>("QUERIES.tsv") { Description = "one query per line: text<TAB>expected_id (expected_id 'oos': the bot must decline)" };
        CliValues.NoOptionLikeValues(queries);
        var json = new Option<bool>("--json")
        {
            Description = "one JSON object: queries, top1, top3, mrr, in_scope_accuracy, oos_precision, oos_recall, latency_ms {p50, p99} "
                + "(rates 0..1; oos_* null without oos rows)",
        };
        var data = Data();
        var command = new Command("eval", "Asks every query and prints top-1/top-3 accuracy, MRR, in-scope accuracy, out-of-scope precision and recall, p50/p99 latency.")
        {
            dir,
            queries,
            json,
            data,
        };
        command.SetAction((result, ct) => KbEvalCommand.RunAsync(result.GetValue(dir)!, result.GetValue(queries)!, result.GetValue(json), result.GetValue(data), console.For(command), ct));
        return command;
    }

    private static Command ImportCsv(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "the CSV of labelled examples (UTF-8, comma-separated, a header row)" };
        CliValues.NoOptionLikeValues(file);
        file.Validators.Add(result =>
        {
            if (!result.Errors.Any() && result.Tokens.Count == 1 && !File.Exists(result.Tokens[0].Value))
            {
                result.AddError($"file '{result.Tokens[0].Value}' not found");
            }
        });
        var text = Column("--text-column", "the column with the example questions", required: true);
        var label = Column("--label-column", "the column with the label (one article per label)", required: true);
        var output = new Option<string>("--out") { Description = "the folder to write (empty or new unless --force)", HelpName = "DIR", Required = true };
        var perLabel = new Option<int?>("--per-label")
        {
            Description = "keep the first N examples of each label",
            HelpName = "N",
            CustomParser = result => CliValues.PositiveInt(result, "--per-label", "a whole number greater than 0"),
        };
        var answer = Column("--answer-column", "the column with answer texts (the first non-empty one of a label is its answer)", required: false);
        var force = new Option<bool>("--force") { Description = "write into a non-empty folder, overwriting files with the same names" };
        var command = new Command(
            "import-csv",
            "Writes one knowledge article per label to --out: id = the label as a slug, title = the label in words, questions = "
            + "the label's texts in file order. The answer is the first non-empty --answer-column value of the label, else a "
            + "placeholder that kb validate reports.")
        {
            file,
            text,
            label,
            output,
            perLabel,
            answer,
            force,
        };
        command.SetAction((result, ct) => KbImportCsvCommand.RunAsync(
            new KbImportCsvCommand.Request(
                result.GetValue(file)!,
                result.GetValue(text)!,
                result.GetValue(label)!,
                result.GetValue(output)!,
                result.GetValue(perLabel),
                result.GetValue(answer),
                result.GetValue(force)),
            console.For(command),
            ct));
        return command;
    }

    private static Argument<string> Folder()
    {
        var dir = new Argument<string>("DIR") { Description = "the knowledge folder" };
        CliValues.NoOptionLikeValues(dir);
        return dir;
    }

    private static Option<string?> Data() =>
        new("--data") { Description = "where knowledge.db lives (default: DIR/../.omnibot/<name of DIR>; never inside DIR)", HelpName = "DIR" };

    private static Option<string> Column(string name, string description, bool required) =>
        new(name) { Description = description, HelpName = "C", Required = required };
}
