namespace Omnichannel.Bots;

/// <summary>The middleware chain around the dialog, composed once: the first middleware added is the outermost.</summary>
internal sealed class TurnPipeline
{
    public TurnPipeline(IEnumerable<TurnMiddleware> middleware, DialogRunner dialogs)
    {
        TurnHandler handler = dialogs.RunAsync;
        foreach (var layer in middleware.Reverse())
        {
            var next = handler;
            handler = (turn, ct) => layer(turn, next, ct);
        }

        Handler = handler;
    }

    public TurnHandler Handler { get; }
}
