namespace Omnichannel.Bots;

/// <summary>
/// Where a turn middleware sits in the pipeline: lower runs further out. The order is stated where the middleware is
/// added (<see cref="BotBuilder.Use(TurnMiddleware, int, string?)"/>), never implied by the order of service
/// registrations; middleware of equal order runs in the order it was added (first added outermost).
/// </summary>
public static class TurnMiddlewareOrder
{
    /// <summary>The handoff router: outermost, so a conversation with people never reaches other middleware or the dialog.</summary>
    public const int Handoff = -1000;

    /// <summary>Link codes ("continue on WhatsApp", a code sent on the other channel): inside handoff, before the features and the dialog.</summary>
    public const int LinkCodes = -500;

    /// <summary>Middleware added without an order: inside the feature middleware, around the dialog.</summary>
    public const int Default = 0;
}
