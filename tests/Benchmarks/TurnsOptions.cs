using System.Globalization;

namespace Benchmarks;

/// <summary>The <c>turns</c> command's arguments.</summary>
public sealed record TurnsOptions
{
    public const string Usage =
        """
        usage: turns [--conversations N] [--messages M] [--concurrency C] [--data DIR] [--baseline KIND] [--keep]
          --conversations N  conversations in the measured run (default 2000), each a fresh customer on SMS
          --messages M       messages per conversation (default 7: "hi", then rounds of "1", an order number, "yes"; the last "no")
          --concurrency C    conversations in flight at once, each sending its next message when the last turn committed (default 64)
          --warmup W         conversations run first and not measured, in the same database (default 2000: long enough for tiered JIT to settle)
          --data DIR         where the database files go (default: a new folder under the temp directory, deleted afterwards)
          --baseline KIND    the comparison run, same turns through the same pipeline:
                               normal           synchronous=NORMAL: what durability against power loss costs   [default]
                               no-group-commit  one transaction (and fsync) per write, MaxWritesPerCommit = 1   (slow: minutes)
                               sequential       one conversation at a time, concurrency 1                       (slow: minutes)
                               none             skip it
          --keep             keep the database files
        """;

    public int Conversations { get; init; } = 2000;

    public int Messages { get; init; } = 7;

    public int Concurrency { get; init; } = 64;

    public int WarmUpConversations { get; init; } = 2000;

    public string? DataDirectory { get; init; }

    public BaselineKind Baseline { get; init; } = BaselineKind.SynchronousNormal;

    public bool Keep { get; init; }

    public static TurnsOptions Parse(IReadOnlyList<string> args)
    {
        var options = new TurnsOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--conversations" => options with { Conversations = Positive(args[i], Value()) },
                "--messages" => options with { Messages = Positive(args[i], Value()) },
                "--concurrency" => options with { Concurrency = Positive(args[i], Value()) },
                "--warmup" => options with { WarmUpConversations = Positive(args[i], Value()) },
                "--data" => options with { DataDirectory = Value() },
                "--baseline" => options with { Baseline = BaselineFrom(Value()) },
                "--keep" => options with { Keep = true },
                var other => throw new ArgumentException($"Unknown option '{other}'."),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} takes a positive whole number, not '{value}'.");

    private static BaselineKind BaselineFrom(string value) => value switch
    {
        "no-group-commit" => BaselineKind.NoGroupCommit,
        "normal" => BaselineKind.SynchronousNormal,
        "sequential" => BaselineKind.Sequential,
        "none" => BaselineKind.None,
        _ => throw new ArgumentException($"--baseline is no-group-commit, normal, sequential or none, not '{value}'."),
    };
}
