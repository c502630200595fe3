using Omnichannel.Bots.Cli;

return await OmnibotCommand.RunAsync(args, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
