namespace Omnichannel.Bots;

/// <summary>
/// A component's part of <c>GET /healthz</c> (the knowledge base's version and errors, for example). Register it as
/// a singleton; the host adds each report under its <see cref="Name"/>.
/// </summary>
public interface IBotHealthContributor
{
    /// <summary>The report's property name in <c>/healthz</c>, for example <c>knowledge</c>.</summary>
    string Name { get; }

    BotHealthReport Report();
}
