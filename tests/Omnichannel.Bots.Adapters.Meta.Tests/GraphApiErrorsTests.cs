namespace Omnichannel.Bots.Adapters.Meta.Tests;

/// <summary>What each Graph API error means for the outbox (<see cref="GraphApiErrors"/>).</summary>
public sealed class GraphApiErrorsTests
{
    public enum Meaning
    {
        Permanent,
        Transient,
        WindowClosed,
        Unreachable,
    }

    [Theory]
    [InlineData(400, 131047, null, Meaning.WindowClosed, null, "131047")]
    [InlineData(400, 10, 2018278, Meaning.WindowClosed, null, "10/2018278")]
    [InlineData(400, 10, 2018108, Meaning.Permanent, null, "10/2018108")]
    [InlineData(400, 551, 1545041, Meaning.Unreachable, null, "551/1545041")]
    [InlineData(400, 100, 2018001, Meaning.Unreachable, null, "100/2018001")]
    [InlineData(400, 131026, null, Meaning.Unreachable, null, "131026")]
    [InlineData(400, 130429, null, Meaning.Transient, 1, "130429")]
    [InlineData(400, 131056, null, Meaning.Transient, 6, "131056")]
    [InlineData(400, 4, null, Meaning.Transient, 60, "4")]
    [InlineData(400, 17, null, Meaning.Transient, 60, "17")]
    [InlineData(400, 32, null, Meaning.Transient, 60, "32")]
    [InlineData(400, 613, null, Meaning.Transient, 60, "613")]
    [InlineData(400, 80007, null, Meaning.Transient, 60, "80007")]
    [InlineData(400, 131048, null, Meaning.Transient, 60, "131048")]
    [InlineData(401, 190, 463, Meaning.Transient, 60, "190/463")]
    [InlineData(500, 1, null, Meaning.Transient, null, "1")]
    [InlineData(503, 2, null, Meaning.Transient, null, "2")]
    [InlineData(400, 131000, null, Meaning.Transient, null, "131000")]
    [InlineData(400, 131016, null, Meaning.Transient, null, "131016")]
    [InlineData(400, 133004, null, Meaning.Transient, null, "133004")]
    [InlineData(502, null, null, Meaning.Transient, null, "502")]
    [InlineData(400, 100, null, Meaning.Permanent, null, "100")]
    [InlineData(403, 200, null, Meaning.Permanent, null, "200")]
    [InlineData(400, 132001, null, Meaning.Permanent, null, "132001")]
    public void ToSendException_ByCode(int status, int? code, int? subcode, Meaning meaning, int? retryAfterSeconds, string providerCode)
    {
        var sent = GraphApiErrors.ToSendException(Refused(new GraphApiError(status, code, subcode, "Meta's words")), "Messenger", "Channels:Messenger:PageAccessToken");

        Assert.Equal(meaning, MeaningOf(sent));
        Assert.Equal(retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null, sent.RetryAfter);
        Assert.Equal(providerCode, sent.ProviderCode);
        Assert.Contains("Meta's words", sent.Message, StringComparison.Ordinal);
        Assert.StartsWith("Messenger: ", sent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSendException_MetaSaysTransient_Retried() =>
        Assert.True(GraphApiErrors.ToSendException(Refused(new GraphApiError(400, 123456, null, "later") { IsTransient = true }), "WhatsApp", "T").IsTransient);

    [Fact]
    public void ToSendException_ExpiredToken_NamesTheSettingToFix() =>
        Assert.Contains(
            "set a valid Channels:WhatsApp:AccessToken",
            GraphApiErrors.ToSendException(Refused(new GraphApiError(401, 190, null, "Session has expired")), "WhatsApp", "Channels:WhatsApp:AccessToken").Message,
            StringComparison.Ordinal);

    [Fact]
    public void ToSendException_NoAnswer_TransientWithoutCode()
    {
        var sent = GraphApiErrors.ToSendException(new GraphApiException("connection refused", error: null), "Messenger", "T");

        Assert.Equal(Meaning.Transient, MeaningOf(sent));
        Assert.Null(sent.ProviderCode);
        Assert.Null(sent.RetryAfter);
    }

    private static GraphApiException Refused(GraphApiError error) => new("refused", error);

    private static Meaning MeaningOf(ChannelSendException sent) =>
        sent.WindowClosed ? Meaning.WindowClosed
        : sent.Unreachable ? Meaning.Unreachable
        : sent.IsTransient ? Meaning.Transient
        : Meaning.Permanent;
}
