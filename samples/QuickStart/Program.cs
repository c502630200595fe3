// The smallest bot: one dialog that asks a name and a date, run in this terminal on embedded storage.
using Microsoft.Extensions.Hosting;
using Omnichannel.Bots;
using Omnichannel.Bots.Adapters.Console;
using Omnichannel.Bots.Storage.Sqlite;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddOmnichannelBot(bot => bot
    .AddRootDialog<BookingDialog>()
    .AddSqliteStorage()
    .AddConsoleChannel());
await builder.Build().RunAsync();

public sealed class BookingState
{
    public string? Name { get; set; }

    public DateOnly Day { get; set; }
}

public sealed class BookingDialog : Dialog<BookingState>
{
    protected override void Define(DialogSteps<BookingState> steps) => steps
        .Prompt("name", Prompts.Text("Hi! What's your name?"), (s, name) => s.Name = name)
        .Prompt("day", s => Prompts.Date($"Nice to meet you, {s.Name}. Which day would you like to visit?").InFuture(), (s, day) => s.Day = day)
        .Step("done", async (d, ct) =>
        {
            await d.ReplyAsync($"See you on {d.State.Day:dddd d MMMM}, {d.State.Name}!", ct);
            return StepResult.End;
        });
}
