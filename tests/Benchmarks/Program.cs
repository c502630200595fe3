using Benchmarks;

// `dotnet run -c Release --project tests/Benchmarks -- turns [--conversations N] [--messages M] [--concurrency C]
//  [--data DIR] [--baseline sequential|no-group-commit|normal|none]`
// `dotnet run -c Release --project tests/Benchmarks -- webchat [--conversations N] [--concurrency C] [--duration S]
//  [--warmup S] [--baseline N|none] [--url URL --secret SECRET [--server-pid PID]]`
// `dotnet run -c Release --project tests/Benchmarks -- knowledge [--dev] [--skip-latency]`
// `dotnet run -c Release --project tests/Benchmarks -- hot-reload [--articles N] [--edits E] [--reload-delay MS]`
// `dotnet run -c Release --project tests/Benchmarks -- handoff [--conversations N] [--messages M] [--warmup W] [--keep]`
// `dotnet run -c Release --project tests/Benchmarks -- flood [--seconds S] [--flooders F] [--rate R] [--permits P] [--max-requests N]`
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(TurnsOptions.Usage);
    Console.WriteLine(WebChatLoadOptions.Usage);
    Console.WriteLine(KnowledgeCommand.Usage);
    Console.WriteLine(HotReloadCommand.Usage);
    Console.WriteLine(HandoffCommand.Usage);
    Console.WriteLine(FloodCommand.Usage);
    return 0;
}

if (args[0] == "knowledge")
{
    return await KnowledgeCommand.RunAsync(args[1..]);
}

if (args[0] == "hot-reload")
{
    try
    {
        return await HotReloadCommand.RunAsync(args[1..]);
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        Console.Error.WriteLine(HotReloadCommand.Usage);
        return 2;
    }
}

if (args[0] == "handoff")
{
    try
    {
        return await HandoffCommand.RunAsync(args[1..]);
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        Console.Error.WriteLine(HandoffCommand.Usage);
        return 2;
    }
}

if (args[0] == "flood")
{
    try
    {
        return await FloodCommand.RunAsync(args[1..]);
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        Console.Error.WriteLine(FloodCommand.Usage);
        return 2;
    }
}

if (args[0] is not ("turns" or "webchat"))
{
    Console.Error.WriteLine($"Unknown command '{args[0]}': turns, webchat, knowledge, hot-reload, handoff or flood.");
    Console.Error.WriteLine(TurnsOptions.Usage);
    Console.Error.WriteLine(WebChatLoadOptions.Usage);
    return 2;
}

Func<Task<int>> command;
try
{
    if (args[0] == "turns")
    {
        var turns = TurnsOptions.Parse(args[1..]);
        command = () => TurnsCommand.RunAsync(turns);
    }
    else
    {
        var webChat = WebChatLoadOptions.Parse(args[1..]);
        command = () => WebChatCommand.RunAsync(webChat);
    }
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(args[0] == "turns" ? TurnsOptions.Usage : WebChatLoadOptions.Usage);
    return 2;
}

return await command();
