namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// When a turn is routed: before the dialog runs (facts from the message and the journey so far), and after it
/// (adding what the dialog found: the knowledge base's confidence, the intent, a handoff the dialog asked for). A rule
/// that needs an after-dialog fact does not match before the dialog.
/// </summary>
public enum RoutingPhase
{
    BeforeDialog,
    AfterDialog,
}
