using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Omnichannel.Bots;

/// <summary>Declares a bot: its dialogs, middleware, channels and settings. Start with <c>services.AddOmnichannelBot()</c>.</summary>
public sealed class BotBuilder
{
    internal BotBuilder(IServiceCollection services)
    {
        Services = services;
    }

    public IServiceCollection Services { get; }

    /// <summary>Registers the dialog every journey begins with (there is exactly one).</summary>
    public BotBuilder AddRootDialog<TDialog>()
        where TDialog : Dialog
    {
        Services.RemoveAll<RootDialogType>();
        Services.AddSingleton(new RootDialogType(typeof(TDialog)));
        return AddDialog<TDialog>();
    }

    /// <summary>Registers a dialog that other dialogs begin (as a child step, or with <c>StepResult.Begin</c>).</summary>
    public BotBuilder AddDialog<TDialog>()
        where TDialog : Dialog
    {
        Services.TryAddSingleton<TDialog>();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Dialog, TDialog>(sp => sp.GetRequiredService<TDialog>()));
        return this;
    }

    /// <summary>
    /// Adds middleware around every turn at <paramref name="order"/> (lower runs further out; see
    /// <see cref="TurnMiddlewareOrder"/>): the order is stated here, not implied by the order features are added in.
    /// Middleware of equal order runs in the order it was added, the first outermost.
    /// </summary>
    /// <param name="middleware">The middleware.</param>
    /// <param name="order">Its place in the pipeline; <see cref="TurnMiddlewareOrder.Default"/> sits inside the features' middleware.</param>
    /// <param name="name">A name for logs and diagnostics.</param>
    public BotBuilder Use(TurnMiddleware middleware, int order = TurnMiddlewareOrder.Default, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        return Use(name ?? "middleware", order, _ => middleware);
    }

    /// <summary>Adds middleware created from the bot's services (a feature's router) at <paramref name="order"/>.</summary>
    /// <param name="name">A name for logs and diagnostics ("handoff").</param>
    /// <param name="order">Its place in the pipeline (see <see cref="TurnMiddlewareOrder"/>).</param>
    /// <param name="create">Creates the middleware once, when the pipeline is built.</param>
    public BotBuilder Use(string name, int order, Func<IServiceProvider, TurnMiddleware> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        Services.AddSingleton(new TurnMiddlewareRegistration(name, order, create));
        return this;
    }

    /// <summary>Registers a channel adapter (one per channel).</summary>
    public BotBuilder AddChannel<TAdapter>()
        where TAdapter : ChannelAdapter
    {
        Services.TryAddSingleton<TAdapter>();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ChannelAdapter, TAdapter>(sp => sp.GetRequiredService<TAdapter>()));
        return this;
    }

    /// <summary>
    /// Registers a channel's profile as data, for a channel whose conversations the bot keeps without an adapter here
    /// (an adapter brings its own profile, which wins).
    /// </summary>
    public BotBuilder AddChannelProfile(ChannelProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Services.AddSingleton(profile);
        return this;
    }

    /// <summary>Registers an observer of every turn's life (metrics, tracing).</summary>
    public BotBuilder AddObserver<TObserver>()
        where TObserver : class, ITurnObserver
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITurnObserver, TObserver>());
        return this;
    }

    /// <summary>Changes the bot's settings in code (after configuration is bound).</summary>
    public BotBuilder Configure(Action<BotOptions> configure)
    {
        Services.PostConfigure(configure);
        return this;
    }
}
