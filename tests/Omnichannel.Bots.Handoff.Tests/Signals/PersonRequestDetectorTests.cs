using Omnichannel.Bots.Handoff.Signals;

namespace Omnichannel.Bots.Handoff.Tests.Signals;

public sealed class PersonRequestDetectorTests
{
    private readonly PersonRequestDetector _detector = new();

    [Theory]
    // en
    [InlineData("agent")]
    [InlineData("AGENT!!")]
    [InlineData("Human please")]
    [InlineData("I want a real person")]
    [InlineData("can I talk to someone about my order?")]
    [InlineData("please let me speak to a representative")]
    [InlineData("I need to speak with an agent now")]
    [InlineData("get me a human")]
    [InlineData("customer service")]
    [InlineData("why can't I talk to a human?")]
    [InlineData("I don't want a bot, I want a human")]
    [InlineData("transfer me to a live agent")]
    // es
    [InlineData("un humano")]
    [InlineData("quiero hablar con un agente")]
    [InlineData("¿Puedo hablar con una persona real?")]
    [InlineData("pásame con un asesor por favor")]
    [InlineData("Agente")]
    // fr
    [InlineData("je veux parler à un conseiller")]
    [InlineData("Parler a quelqu'un svp")]
    [InlineData("un vrai humain")]
    [InlineData("conseiller")]
    // de
    [InlineData("Ich möchte mit einem Mitarbeiter sprechen")]
    [InlineData("mitarbeiter bitte")]
    [InlineData("Verbinden Sie mich mit einem Menschen")]
    [InlineData("einen echten Menschen bitte")]
    // pt
    [InlineData("quero falar com um atendente")]
    [InlineData("Falar com alguém")]
    [InlineData("atendimento humano")]
    [InlineData("atendente")]
    // it
    [InlineData("operatore")]
    [InlineData("vorrei parlare con un operatore")]
    [InlineData("voglio parlare con una persona")]
    // nl
    [InlineData("medewerker")]
    [InlineData("ik wil graag met een medewerker spreken")]
    [InlineData("Kan ik iemand spreken?")]
    public void IsRequest_AsksForAPerson_True(string text)
    {
        Assert.True(_detector.IsRequest(text), text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("my agent code is 1234")]
    [InlineData("is a human going to read this review")]
    [InlineData("where is my order")]
    [InlineData("I want a refund")]
    [InlineData("the delivery person was rude")]
    [InlineData("I don't want to talk to a human")]
    [InlineData("no agent")]
    [InlineData("I already talked to an agent yesterday")]
    [InlineData("mi agente de viajes reservó el vuelo")]
    [InlineData("no quiero hablar con un agente")]
    [InlineData("mon agent immobilier")]
    [InlineData("je ne veux pas parler à un conseiller")]
    [InlineData("der Mitarbeiter war unfreundlich")]
    [InlineData("ich habe mit einem Mitarbeiter gesprochen")]
    [InlineData("o atendente foi ótimo")]
    [InlineData("l'operatore mi ha detto di aspettare")]
    [InlineData("de medewerker was vriendelijk")]
    [InlineData("help")]
    public void IsRequest_OtherMessages_False(string? text)
    {
        Assert.False(_detector.IsRequest(text), text);
    }

    [Fact]
    public void IsRequest_EveryDefaultInterruptionPhrase_True()
    {
        Assert.All(InterruptionWords.Default.Agent, phrase => Assert.True(_detector.IsRequest(phrase), phrase));
    }

    [Fact]
    public void IsRequest_ExtraPhrases_FollowTheSameRule()
    {
        var detector = new PersonRequestDetector(["concierge", "escalate this", "  ", ""]);

        Assert.True(detector.IsRequest("Concierge"));
        Assert.True(detector.IsRequest("please escalate this now"));
        Assert.False(detector.IsRequest("the concierge desk was closed"));
        Assert.False(_detector.IsRequest("please escalate this now"));
    }

    [Fact]
    public void IsRequest_LongMessage_False()
    {
        var text = "talk to a human " + new string('x', 600);

        Assert.False(_detector.IsRequest(text));
    }
}
