using SupportBot;

// `dotnet run --project samples/SupportBot` serves the support bot with web chat on http://localhost:5080 (open it in a
// browser); `--console` also chats in this terminal. Data is kept in Storage:DataDirectory (./data by default), so
// conversations continue after a restart.
var app = SupportBotApp.Build(args);
await app.RunAsync();
