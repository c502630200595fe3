using System.CommandLine;

namespace Omnichannel.Bots.Cli;

/// <summary><c>omnibot customers export|erase</c>: a customer's data rights, on a bot's database (work in <see cref="CustomersPrivacyCommand"/>).</summary>
internal static class CustomersCommand
{
    public static Command Create(CliConsole console)
    {
        var export = Verb(console, "export", "Writes everything stored about the customer as JSON (to --out FILE, owner-only, or stdout).", erase: false);
        var erase = Verb(console, "erase", "Deletes everything stored about the customer (messages, state, tickets, notes, ratings, uploads, identity keys) and compacts the database. Cannot be undone.", erase: true);
        return new Command("customers", "Customers' data (DIR is the bot's data folder, Storage:DataDirectory); the host may keep running.") { export, erase };
    }

    private static Command Verb(CliConsole console, string name, string description, bool erase)
    {
        var data = new Option<string>("--data") { Description = "the bot's data folder (Storage:DataDirectory)", HelpName = "DIR", DefaultValueFactory = _ => "data" };
        var file = new Option<string>("--file") { Description = "the database file in it (Storage:FileName)", HelpName = "NAME", DefaultValueFactory = _ => "bot.db" };
        var id = new Argument<string?>("ID") { Description = "the customer's id (cus_...)", Arity = ArgumentArity.ZeroOrOne };

        // An optional text argument would otherwise take a misspelled option as the id.
        id.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[0].Value is { } value && value.StartsWith('-'))
            {
                result.AddError($"Unrecognized command or argument '{value}'.");
            }
        });
        var key = new Option<string?>("--key") { Description = "find the customer by an identity key instead (phone:+15551234567, email:a@b.example, telegram:12345)", HelpName = "KEY" };
        var command = new Command(name, description) { id, key, data, file };
        var output = new Option<string?>("--out") { Description = "the file to write (created owner-only; default: stdout)", HelpName = "FILE" };
        var yes = new Option<bool>("--yes") { Description = "confirms the erasure (required: it cannot be undone)" };
        command.Add(erase ? yes : output);
        command.SetAction((result, ct) =>
        {
            var customer = result.GetValue(id);
            var identityKey = result.GetValue(key);
            var verb = console.For(command);
            if ((customer is null) == (identityKey is null))
            {
                return verb.UsageErrorAsync(customer is null ? "missing ID (or --key KEY)." : "give an ID or --key, not both.");
            }

            if (erase && !result.GetValue(yes))
            {
                return verb.UsageErrorAsync("erasing cannot be undone: add --yes to confirm.");
            }

            var target = new CustomersPrivacyCommand.Target(result.GetValue(data)!, result.GetValue(file)!, customer, identityKey);
            return erase
                ? CustomersPrivacyCommand.EraseAsync(target, console.Out, console.Error, ct)
                : CustomersPrivacyCommand.ExportAsync(target, result.GetValue(output), console.Out, console.Error, ct);
        });
        return command;
    }
}
