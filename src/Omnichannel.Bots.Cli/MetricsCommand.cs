using System.CommandLine;

namespace Omnichannel.Bots.Cli;

/// <summary><c>omnibot metrics --from --to [--json]</c>: the journey metrics of a bot's database (work in <see cref="MetricsReport"/>).</summary>
internal static class MetricsCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Option<string>("--from") { Description = "the range's start: a date (2026-03-01, midnight UTC) or an ISO 8601 time", HelpName = "TIME", Required = true };
        var to = new Option<string>("--to") { Description = "the range's end (exclusive), same forms; default now", HelpName = "TIME" };
        var json = new Option<bool>("--json") { Description = "print the metrics and every journey as JSON (what GET /api/agent/metrics returns)" };
        var data = new Option<string>("--data") { Description = "the bot's data folder (Storage:DataDirectory)", HelpName = "DIR", DefaultValueFactory = _ => "data" };
        var file = new Option<string>("--file") { Description = "the database file in it (Storage:FileName)", HelpName = "NAME", DefaultValueFactory = _ => "bot.db" };
        var config = new Option<string>("--config") { Description = "the bot's settings file, for its Journeys section (idle timeout, cost table); default none", HelpName = "FILE" };
        var metrics = new Command(
            "metrics",
            "Journey metrics of the journeys that started in [--from, --to): context preservation, cross-channel and first-contact resolution, "
            + "journey CSAT, time to resolution and cost per resolution (needs a bot with AddJourneys()).")
        {
            from,
            to,
            json,
            data,
            file,
            config,
        };
        metrics.SetAction((result, ct) => MetricsReport.RunAsync(
            new MetricsRequest(result.GetValue(from), result.GetValue(to), result.GetValue(json), result.GetValue(data)!, result.GetValue(file)!, result.GetValue(config)),
            console.For(metrics),
            ct));
        return metrics;
    }
}
