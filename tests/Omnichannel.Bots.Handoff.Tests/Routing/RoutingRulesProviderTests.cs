using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Handoff.Routing;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Routing;

public sealed class RoutingRulesProviderTests : IDisposable
{
    private const string Valid = """
        version: 1
        queues: [general, vip]
        rules:
          - name: vip
            when: { asked_for_person: true, tier: vip }
            escalate: { queue: vip, priority: high }
        """;

    private const string Fixed = """
        version: 1
        queues: [general, vip, billing]
        rules:
          - name: billing
            when: { asked_for_person: true }
            escalate: { queue: billing }
        """;

    private const string Invalid = """
        version: 1
        queues: [general, vip]
        rules:
          - name: vip
            when: { asked_for_persn: true }
            escalate: { queue: nowhere }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private RoutingRulesProvider Provider(string? rulesPath, bool watch = true, TimeProvider? time = null) => new(
        Options.Create(new HandoffOptions { RulesPath = rulesPath, WatchForChanges = watch }),
        new FakeHostEnvironment(_folder.Path),
        time ?? TimeProvider.System,
        NullLogger<RoutingRulesProvider>.Instance);

    [Fact]
    public async Task StartAsync_NoRulesPath_ServesTheDefaults()
    {
        using var provider = Provider(rulesPath: null);

        await provider.StartAsync(CancellationToken.None);

        Assert.Same(RoutingRules.Default, provider.Current);
        var report = provider.Report();
        Assert.False(report.Degraded);
        Assert.Contains("\"rulesFile\":\"built-in\"", Json(report), StringComparison.Ordinal);
        await provider.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StartAsync_InvalidFile_ThrowsListingEveryError()
    {
        _folder.Write("handoff-rules.yaml", Invalid);
        using var provider = Provider("handoff-rules.yaml");

        var ex = await Assert.ThrowsAsync<RoutingRulesException>(() => provider.StartAsync(CancellationToken.None));

        Assert.Contains("handoff-rules.yaml:5: error: unknown key 'asked_for_persn' in 'when' (did you mean 'asked_for_person'?)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("handoff-rules.yaml:6: error: unknown queue 'nowhere'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Diagnostics.Count);
        Assert.Throws<RoutingRulesException>(() => provider.Current);
    }

    [Fact]
    public async Task StartAsync_MissingFile_ThrowsNamingIt()
    {
        using var provider = Provider("config/handoff-rules.yaml");

        var ex = await Assert.ThrowsAsync<RoutingRulesException>(() => provider.StartAsync(CancellationToken.None));

        Assert.Contains("config/handoff-rules.yaml: error: the rules file does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_folder.Path, "config", "handoff-rules.yaml"), provider.RulesFile);
    }

    [Fact]
    public void Reload_InvalidThenFixed_KeepsLastGoodThenSwaps()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        var path = _folder.Write("handoff-rules.yaml", Valid);
        using var provider = Provider("handoff-rules.yaml", watch: false, time);
        var first = provider.Current;
        time.Advance(TimeSpan.FromMinutes(5));

        File.WriteAllText(path, Invalid);
        provider.Reload();

        Assert.Same(first, provider.Current);
        Assert.Equal("vip", provider.Current.Evaluate(FactsRow.Parse("asked tier=vip")).Rule);
        var degraded = provider.Report();
        Assert.True(degraded.Degraded);
        Assert.Contains("handoff-rules.yaml:5: error: unknown key 'asked_for_persn'", Json(degraded), StringComparison.Ordinal);
        Assert.Contains("\"loadedAt\":\"2026-05-01T08:00:00+00:00\"", Json(degraded), StringComparison.Ordinal);

        File.WriteAllText(path, Fixed);
        provider.Reload();

        Assert.NotSame(first, provider.Current);
        var decision = provider.Current.Evaluate(FactsRow.Parse("asked tier=vip"));
        Assert.Equal(("billing", "billing", "handoff-rules.yaml:4"), (decision.Rule, decision.Queue, decision.RuleSource));
        var healthy = provider.Report();
        Assert.False(healthy.Degraded);
        Assert.Contains("\"loadedAt\":\"2026-05-01T08:05:00+00:00\"", Json(healthy), StringComparison.Ordinal);
        Assert.Contains("\"problems\":[]", Json(healthy), StringComparison.Ordinal);
        Assert.Empty(provider.Problems);
    }

    [Fact]
    public void Reload_FileDeleted_KeepsLastGoodAndReportsIt()
    {
        var path = _folder.Write("handoff-rules.yaml", Valid);
        using var provider = Provider("handoff-rules.yaml", watch: false);
        var first = provider.Current;

        File.Delete(path);
        provider.Reload();

        Assert.Same(first, provider.Current);
        Assert.True(provider.Report().Degraded);
        Assert.StartsWith("handoff-rules.yaml: error: the rules file does not exist", Assert.Single(provider.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_EditToInvalidThenFix_ReloadsAfterChanges()
    {
        var path = _folder.Write("handoff-rules.yaml", Valid);
        using var provider = Provider("handoff-rules.yaml");
        await provider.StartAsync(CancellationToken.None);
        var first = provider.Current;

        File.WriteAllText(path, Invalid);
        await Eventually.UntilAsync(
            () => provider.Problems.Any(p => p.ToString().StartsWith("handoff-rules.yaml:6: error: unknown queue 'nowhere'", StringComparison.Ordinal)),
            "the invalid edit to be reported",
            () => string.Join(Environment.NewLine, provider.Problems));

        Assert.Same(first, provider.Current);
        Assert.True(provider.Report().Degraded);
        Assert.Contains("handoff-rules.yaml:6: error: unknown queue 'nowhere'", Json(provider.Report()), StringComparison.Ordinal);

        // An editor's atomic save: write a temporary file, then rename it over the rules file.
        var temporary = _folder.Write(".handoff-rules.yaml.tmp", Fixed);
        File.Move(temporary, path, overwrite: true);
        await Eventually.UntilAsync(() => provider.Current.RuleNames.SequenceEqual(["billing"]), "the fixed rules to be in force");

        Assert.False(provider.Report().Degraded);
        Assert.Equal("billing", provider.Current.Evaluate(FactsRow.Parse("asked")).Queue);
        await provider.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Watch_FileDeletedThenRecreated_KeepsLastGoodThenLoadsTheNewOne()
    {
        var path = _folder.Write("handoff-rules.yaml", Valid);
        using var provider = Provider("handoff-rules.yaml");
        await provider.StartAsync(CancellationToken.None);
        var first = provider.Current;

        File.Delete(path);
        await Eventually.UntilAsync(() => provider.Problems.Count > 0, "the deletion to be reported");
        Assert.Same(first, provider.Current);

        File.WriteAllText(path, Fixed);
        await Eventually.UntilAsync(() => provider.Problems.Count == 0 && provider.Current != first, "the recreated file to be loaded");
        await provider.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StartAsync_WatchOff_DoesNotReloadButServesTheFile()
    {
        _folder.Write("handoff-rules.yaml", Valid);
        using var provider = Provider("handoff-rules.yaml", watch: false);

        await provider.StartAsync(CancellationToken.None);

        Assert.Equal(["vip"], provider.Current.RuleNames);
        Assert.Contains("\"watching\":false", Json(provider.Report()), StringComparison.Ordinal);
        await provider.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AddRoutingRules_Registered_OneInstanceServesEveryRole()
    {
        _folder.Write("handoff-rules.yaml", Valid);
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new FakeHostEnvironment(_folder.Path));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.Configure<HandoffOptions>(o => o.RulesPath = "handoff-rules.yaml");
        services.AddRoutingRules().AddRoutingRules();
        await using var container = services.BuildServiceProvider();

        var provider = container.GetRequiredService<RoutingRulesProvider>();

        Assert.Same(provider, container.GetRequiredService<IRoutingRulesProvider>());
        Assert.Same(provider, Assert.Single(container.GetServices<IHostedService>()));
        Assert.Same(provider, Assert.Single(container.GetServices<IBotHealthContributor>()));
        Assert.Equal("handoff", provider.Name);
        Assert.Equal(["vip"], provider.Current.RuleNames);
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(BotHealthReport report) => JsonSerializer.Serialize(report.Details, Readable);

    private sealed class FakeHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
