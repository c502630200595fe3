namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>The values of <see cref="PacketEntity.Kind"/>.</summary>
public static class EntityKinds
{
    public const string OrderNumber = "order_number";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Amount = "amount";
}
