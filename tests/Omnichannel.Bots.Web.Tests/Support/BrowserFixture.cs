using Microsoft.Playwright;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>The "browser" test collection: its tests share one <see cref="BrowserFixture"/> and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// One headless Debian Chromium for the "browser" collection, driven by Playwright .NET. Tests open their own
/// context (<see cref="NewContextAsync"/>) so cookies and storage never leak between them.
/// </summary>
/// <remarks>
/// How Playwright .NET runs here without downloading anything:
/// <list type="bullet">
/// <item>The Microsoft.Playwright 1.64.1 NuGet package ships its driver inside the package: <c>.playwright/node/&lt;os-arch&gt;/node</c>
/// (a Node.js binary per platform, about 125 MB for linux-x64) and <c>.playwright/package/</c> (playwright-core's JavaScript,
/// with <c>cli.js</c>). Its <c>buildTransitive/Microsoft.Playwright.targets</c> adds them as content on build, so
/// <c>bin/&lt;config&gt;/net10.0/.playwright/</c> holds the node binary for this machine's platform and the package (and
/// chmods node executable).</item>
/// <item>At run time <see cref="Playwright.CreateAsync"/> looks for <c>.playwright/</c> next to Microsoft.Playwright.dll
/// (or in <c>PLAYWRIGHT_DRIVER_SEARCH_PATH</c>; <c>PLAYWRIGHT_NODEJS_PATH</c> may name another node) and starts
/// <c>node .playwright/package/cli.js run-driver</c>, talking to it over stdin/stdout. So <c>dotnet test --no-build</c> after a
/// build works offline.</item>
/// <item>Playwright's own browsers (what <c>playwright install</c> downloads) are never used: the launch names Debian's
/// Chromium with <see cref="BrowserTypeLaunchOptions.ExecutablePath"/>, which tests/run.sh installs and exports as
/// OMNIBOT_CHROMIUM.</item>
/// </list>
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>
    /// How long a Playwright assertion or action waits for its condition. Playwright's 5 s default is what a quiet
    /// laptop needs; a 2-core CI machine compiling and running other test hosts needs more. Every wait is for a
    /// condition, so a passing test takes no longer; only a failing one reports later.
    /// </summary>
    public static readonly TimeSpan ConditionTimeout = Omnichannel.Bots.Testing.Eventually.Limit;

    /// <summary>
    /// Root in a sandboxed CI needs --no-sandbox; the rest keep Chromium off the network (this machine's network is
    /// closed, and its background connections would only be refused) and quiet.
    /// </summary>
    public static readonly IReadOnlyList<string> ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>OMNIBOT_CHROMIUM, else Debian's /usr/bin/chromium.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("OMNIBOT_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser fixture has not started.");

    public async Task InitializeAsync()
    {
        var chromium = ChromiumPath;
        if (!File.Exists(chromium))
        {
            // A failure, not a skip: the browser tests are part of the suite and tests/run.sh provides Chromium.
            throw new InvalidOperationException(
                $"Chromium was not found at '{chromium}' (OMNIBOT_CHROMIUM, default {DefaultChromium}). " +
                "Run the tests with tests/run.sh, which installs Debian's chromium package, " +
                "or install it yourself (apt-get install chromium) and set OMNIBOT_CHROMIUM.");
        }

        Assertions.SetDefaultExpectTimeout((float)ConditionTimeout.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh, isolated browser context; dispose it at the end of the test.</summary>
    public Task<IBrowserContext> NewContextAsync() => NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
    });

    /// <summary>A fresh, isolated browser context with these options and the suite's action timeout.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout((float)ConditionTimeout.TotalMilliseconds);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
