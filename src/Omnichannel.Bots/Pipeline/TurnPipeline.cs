namespace Omnichannel.Bots;

/// <summary>
/// The middleware chain around the dialog, composed once: ordered by <see cref="TurnMiddlewareRegistration.Order"/>
/// (lower outermost), then by the order they were added.
/// </summary>
internal sealed class TurnPipeline
{
    public TurnPipeline(IEnumerable<TurnMiddlewareRegistration> middleware, IServiceProvider services, DialogRunner dialogs)
    {
        var ordered = middleware.Select((m, index) => (Middleware: m, Index: index))
            .OrderBy(m => m.Middleware.Order)
            .ThenBy(m => m.Index)
            .Select(m => m.Middleware)
            .ToList();
        Names = [.. ordered.Select(m => m.Name)];
        TurnHandler handler = dialogs.RunAsync;
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            var layer = ordered[i].Create(services);
            var next = handler;
            handler = (turn, ct) => layer(turn, next, ct);
        }

        Handler = handler;
    }

    /// <summary>The middleware names, outermost first.</summary>
    public IReadOnlyList<string> Names { get; }

    public TurnHandler Handler { get; }
}
