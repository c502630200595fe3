using Microsoft.Extensions.Hosting;
using Omnichannel.Bots.Adapters.Console;
using Omnichannel.Bots.Storage.Sqlite;
using SupportBot;

// `dotnet run --project samples/SupportBot` chats in this terminal (`--console` says so explicitly). Data is kept
// in Storage:DataDirectory (./data by default), so a conversation continues after a restart.
var hostArgs = args.Where(a => a != "--console").ToArray();
var builder = Host.CreateApplicationBuilder(hostArgs);
builder.Services.AddOmnichannelBot(bot => bot
    .AddSupportBot()
    .UseSqliteStorage()
    .AddConsoleChannel());

await builder.Build().RunAsync();
