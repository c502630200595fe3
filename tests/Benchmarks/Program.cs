using Benchmarks;

// `dotnet run -c Release --project tests/Benchmarks -- turns [--conversations N] [--messages M] [--concurrency C]
//  [--data DIR] [--baseline sequential|no-group-commit|normal|none]`
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(TurnsOptions.Usage);
    return 0;
}

if (args[0] != "turns")
{
    Console.Error.WriteLine($"Unknown command '{args[0]}'.");
    Console.Error.WriteLine(TurnsOptions.Usage);
    return 2;
}

TurnsOptions options;
try
{
    options = TurnsOptions.Parse(args[1..]);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(TurnsOptions.Usage);
    return 2;
}

return await TurnsCommand.RunAsync(options);
