namespace Omnichannel.Bots.Storage;

public enum MessageDirection
{
    Inbound,
    Outbound,
}
