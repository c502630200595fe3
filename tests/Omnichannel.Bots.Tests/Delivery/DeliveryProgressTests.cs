using Omnichannel.Bots.Delivery;

namespace Omnichannel.Bots.Tests.Delivery;

/// <summary>A message's delivery status only moves forward: sent, failed, delivered, read.</summary>
public sealed class DeliveryProgressTests
{
    [Theory]
    [InlineData(null, DeliveryStatus.Sent, true)]
    [InlineData(null, DeliveryStatus.Read, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Sent, false)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Failed, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Delivered, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Read, true)]
    [InlineData(DeliveryStatus.Failed, DeliveryStatus.Sent, false)]
    [InlineData(DeliveryStatus.Failed, DeliveryStatus.Failed, false)]
    [InlineData(DeliveryStatus.Failed, DeliveryStatus.Delivered, true)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Sent, false)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Failed, false)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Delivered, false)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Read, true)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Delivered, false)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Failed, false)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Read, false)]
    public void Advances_CurrentAndNext_OnlyForward(DeliveryStatus? current, DeliveryStatus next, bool advances)
    {
        Assert.Equal(advances, DeliveryProgress.Advances(current, next));
    }

    [Fact]
    public void Advances_NotAStatus_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeliveryProgress.Advances(DeliveryStatus.Sent, (DeliveryStatus)42));
    }
}
