using System.CommandLine;

namespace Omnichannel.Bots.Cli;

/// <summary><c>omnibot inbox parked list|retry|drop</c>: the operator verbs of the durable inbox (work in <see cref="InboxParkedCommand"/>).</summary>
internal static class InboxCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "the bot's data folder (Storage:DataDirectory)", HelpName = "DIR", DefaultValueFactory = _ => "data" };
        var file = new Option<string>("--file") { Description = "the database file in it (Storage:FileName)", HelpName = "NAME", DefaultValueFactory = _ => "bot.db" };
        var retryId = new Argument<long?>("ID") { Description = "the parked message's id (from list)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "retry every parked message" };
        var dropId = new Argument<long>("ID") { Description = "the parked message's id (from list)" };

        var list = new Command("list", "Every parked message: id, channel, conversation, attempts, parked at (UTC), error.") { data, file };
        var retry = new Command(
            "retry",
            "Puts the message (or every one, --all) back as pending; the running host runs it within Bot:RequeuePollInterval, or the next host on start.")
        {
            retryId,
            all,
            data,
            file,
        };
        var drop = new Command("drop", "Never runs the message; it leaves the list (kept for deduplication until Bot:InboxRetention).") { dropId, data, file };

        list.SetAction((result, ct) => InboxParkedCommand.WithStoreAsync(
            result.GetValue(data)!, result.GetValue(file)!, "list", console.Error, (store, token) => InboxParkedCommand.ListAsync(store, console.Out, token), ct));
        retry.SetAction((result, ct) =>
        {
            var id = result.GetValue(retryId);
            var everything = result.GetValue(all);
            return (id is null) != everything
                ? console.For(retry).UsageErrorAsync(everything ? "give an ID or --all, not both." : "missing ID (or --all).")
                : InboxParkedCommand.WithStoreAsync(
                    result.GetValue(data)!, result.GetValue(file)!, "retry", console.Error, (store, token) => InboxParkedCommand.RetryAsync(store, id, console.Out, console.Error, token), ct);
        });
        drop.SetAction((result, ct) => InboxParkedCommand.WithStoreAsync(
            result.GetValue(data)!, result.GetValue(file)!, "drop", console.Error, (store, token) => InboxParkedCommand.DropAsync(store, result.GetValue(dropId), console.Out, console.Error, token), ct));

        var parked = new Command("parked", "Inbound messages whose turn could not be stored after Bot:MaxTurnAttempts attempts.") { list, retry, drop };
        return new Command("inbox", "The durable inbox (DIR is the bot's data folder, Storage:DataDirectory).") { parked };
    }
}
