namespace Omnichannel.Bots;

/// <summary>One turn middleware as added with <see cref="BotBuilder.Use(TurnMiddleware, int, string?)"/>: its name, its order, how to create it.</summary>
/// <param name="Name">For logs and diagnostics ("handoff").</param>
/// <param name="Order">Lower runs further out (see <see cref="TurnMiddlewareOrder"/>).</param>
/// <param name="Create">Creates the middleware from the bot's services, once, when the pipeline is built.</param>
public sealed record TurnMiddlewareRegistration(string Name, int Order, Func<IServiceProvider, TurnMiddleware> Create);
