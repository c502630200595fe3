using Microsoft.Extensions.Options;
using SupportBot;

// `dotnet run --project samples/SupportBot` serves the support bot with web chat on http://localhost:5080 (open it in a
// browser); `--console` also chats in this terminal. Data is kept in Storage:DataDirectory (./data by default), so
// conversations continue after a restart.
try
{
    var app = SupportBotApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    // A setting is wrong: say which, without a stack trace.
    foreach (var failure in ex.Failures)
    {
        await Console.Error.WriteLineAsync("Configuration error: " + failure);
    }

    return 2;
}
