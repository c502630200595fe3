using System.Globalization;

namespace Benchmarks;

/// <summary>The <c>webchat</c> command's arguments.</summary>
public sealed record WebChatLoadOptions
{
    public const string Usage =
        """
        usage: webchat [--conversations N] [--concurrency C] [--duration S] [--warmup S] [--jit-warmup R] [--baseline N|none]
                       [--url URL --secret SECRET [--server-pid PID]] [--open-parallelism P] [--min-threads T] [--set KEY=VALUE] [--data DIR] [--keep]
          --conversations N     web chat conversations opened and held open, each with its Direct Line WebSocket (default 2000)
          --concurrency C       conversations sending at once, closed loop: each sends its next message when the whole
                                answer to the last one arrived on its WebSocket (default: all N)
          --duration S          measured seconds (default 20)
          --warmup S            the same load first, not measured: at least S seconds (default 5) and until every
                                conversation had its first answer (the burst of first messages is over; at most 2 min)
          --jit-warmup R        round trips on 50 conversations of its own (in-process: a throwaway host) before both runs,
                                so tiered JIT has compiled the hot paths and neither run pays for it (default 6000; 0 skips)
          --baseline N|none     the comparison run in the same program run: N conversations (default 50), all sending,
                                everything else the same; in-process that is a fresh host and database
          --url URL             measure an already-running host (http://host:port) instead of starting the sample in-process
          --secret SECRET       that host's Direct Line secret (Channels:WebChat:Secret); required with --url
          --server-pid PID      with --url: the host's process id, to print its CPU time next to this program's (Linux /proc)
          --open-parallelism P  conversations being opened at once, so the listen backlog is never the limit (default 64)
          --min-threads T       ThreadPool minimum worker and I/O threads (default: the runtime's, one per core)
          --set KEY=VALUE       in-process: a configuration setting for the host, e.g. --set Outbox:MaxConcurrentSends=256 (repeatable)
          --data DIR            in-process: where the host's database goes (default: a new temp folder, deleted afterwards)
          --keep                keep the temp folder
        """;

    /// <summary>Conversations held open in the measured run.</summary>
    public int Conversations { get; init; } = 2000;

    /// <summary>Conversations with a message in flight at once; null means all of them.</summary>
    public int? Concurrency { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Round trips run before both phases so that neither pays for JIT compilation; 0 skips it.</summary>
    public int JitWarmUpRoundTrips { get; init; } = 6000;

    /// <summary>Conversations in the baseline run; null skips it.</summary>
    public int? BaselineConversations { get; init; } = 50;

    public Uri? Url { get; init; }

    public string? Secret { get; init; }

    public int? ServerPid { get; init; }

    public int OpenParallelism { get; init; } = 64;

    public int? MinThreads { get; init; }

    /// <summary>Configuration for the in-process host (<c>Section:Key</c>, value), after the benchmark's own.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> HostSettings { get; init; } = [];

    /// <summary>
    /// Settings every in-process host gets before <see cref="HostSettings"/>: the load starts thousands of conversations
    /// from one address and posts as fast as the bot answers, which Limits:* would refuse (a remote host needs the same).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> UnlimitedRates { get; } =
    [
        new("Limits:ConversationStartsPerAddress:PermitLimit", "1000000"),
        new("Limits:ActivitiesPerConversation:PermitLimit", "1000000"),
    ];

    public string? DataDirectory { get; init; }

    public bool Keep { get; init; }

    public bool InProcess => Url is null;

    /// <summary>How many of <paramref name="conversations"/> send at once.</summary>
    public int ConcurrencyFor(int conversations) => Math.Min(Concurrency ?? conversations, conversations);

    public static WebChatLoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new WebChatLoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--conversations" => options with { Conversations = Positive(args[i], Value()) },
                "--concurrency" => options with { Concurrency = Positive(args[i], Value()) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(args[i], Value())) },
                "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(NotNegative(args[i], Value())) },
                "--jit-warmup" => options with { JitWarmUpRoundTrips = NotNegative(args[i], Value()) },
                "--baseline" => options with { BaselineConversations = BaselineFrom(Value()) },
                "--url" => options with { Url = AbsoluteHttpUrl(Value()) },
                "--secret" => options with { Secret = NonEmpty(args[i], Value()) },
                "--server-pid" => options with { ServerPid = Positive(args[i], Value()) },
                "--open-parallelism" => options with { OpenParallelism = Positive(args[i], Value()) },
                "--min-threads" => options with { MinThreads = Positive(args[i], Value()) },
                "--set" => options with { HostSettings = [.. options.HostSettings, Setting(Value())] },
                "--data" => options with { DataDirectory = NonEmpty(args[i], Value()) },
                "--keep" => options with { Keep = true },
                var other => throw new ArgumentException($"Unknown option '{other}'."),
            };
        }

        return options.Validated();
    }

    private WebChatLoadOptions Validated()
    {
        if (Concurrency > Conversations)
        {
            throw new ArgumentException($"--concurrency {Concurrency} is more than --conversations {Conversations}: a conversation has one message in flight at a time.");
        }

        if (Url is null && Secret is not null)
        {
            throw new ArgumentException("--secret goes with --url; the in-process host gets a secret of its own.");
        }

        if (Url is not null && Secret is null)
        {
            throw new ArgumentException("--url needs --secret: the host's Direct Line secret (Channels:WebChat:Secret, or its data folder's webchat-secret file).");
        }

        if (Url is null && ServerPid is not null)
        {
            throw new ArgumentException("--server-pid goes with --url; in-process the host's CPU time is this program's.");
        }

        if (Url is not null && (DataDirectory is not null || Keep || HostSettings.Count > 0))
        {
            throw new ArgumentException("--data, --keep and --set are for the in-process host; a host at --url has its own data and settings.");
        }

        if (ServerPid is { } pid && !File.Exists($"/proc/{pid}/stat"))
        {
            throw new ArgumentException($"--server-pid {pid}: there is no such process (or no /proc to read its CPU time from).");
        }

        return this;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} takes a positive whole number, not '{value}'.");

    private static int NotNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{name} takes a whole number (0 or more), not '{value}'.");

    private static KeyValuePair<string, string> Setting(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && !value.StartsWith('-')
            ? new(value[..equals], value[(equals + 1)..])
            : throw new ArgumentException($"--set takes KEY=VALUE with a configuration key such as Outbox:MaxConcurrentSends, not '{value}'.");
    }

    private static int? BaselineFrom(string value) => value == "none" ? null : Positive("--baseline", value);

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} needs a value.") : value;

    private static Uri AbsoluteHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.AbsolutePath == "/"
            ? url
            : throw new ArgumentException($"--url takes the host's base address, such as http://127.0.0.1:5080, not '{value}'.");
}
