using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Knowledge.Tests.Answers;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Knowledge.Tests.Dialogs;

/// <summary>Knowledge choices are typed values owned by this package; the values an earlier release stored still work.</summary>
public sealed class KnowledgeChoiceCompatibilityTests
{
    private static ScriptedKnowledgeBase Script() => new ScriptedKnowledgeBase(AnswerArticles.All)
        .On("refund", KnowledgeDecision.Clarify, "refund-timing", "returns-policy");

    private static Task<TestBot> StartAsync(IKnowledgeBase knowledge, string directory) =>
        TestBot.StartAsync(
            bot => bot.AddKnowledgeAnswers().AddRootDialog<KnowledgeDialog>(),
            services => services.AddSingleton(knowledge),
            dataDirectory: directory);

    [Theory]
    [InlineData("kb:article:returns-policy", "returns-policy")]
    [InlineData("kb:returns-policy", "returns-policy")]
    [InlineData("kb:person", null)]
    [InlineData("kb-person", null)]
    [InlineData("handoff:person", null)]
    [InlineData("returns-policy", null)]
    public void TryGetArticleId_TypedAndEarlierValues(string value, string? expected)
    {
        Assert.Equal(expected is not null, KnowledgeChoices.TryGetArticleId(value, out var id));
        Assert.Equal(expected, id);
    }

    [Fact]
    public void Values_AreOwnedByTheKnowledgePackage()
    {
        Assert.True(ChoiceValue.IsOwnedBy(KnowledgeChoices.Person, KnowledgeChoices.Owner, out var person));
        Assert.Equal("person", person.Kind);
        Assert.True(KnowledgeChoices.IsPerson("kb-person"));
        Assert.True(KnowledgeChoices.IsQuestion("kb-question"));
        Assert.False(KnowledgeChoices.IsKnowledgeValue("handoff:person"));
    }

    [Fact]
    public async Task OfferedChoices_StoredByAnEarlierRelease_NumberStillAnswersTheArticle()
    {
        var directory = Path.Combine(Path.GetTempPath(), "omnibot-kb-compat-" + Guid.NewGuid().ToString("N"));
        var customer = new TestCustomer("sms-compat", Phone: "+16502530042");
        try
        {
            await using (var before = await StartAsync(Script(), directory))
            {
                await new TestConversation(before, ChannelProfiles.Sms, customer)
                    .Send("where is my refund")
                    .ExpectReplyContaining("Did you mean one of these?")
                    .RunAsync();
            }

            // The offered choices as the release before typed values wrote them: kb:<article id>.
            await using (var db = new SqliteConnection($"Data Source={Path.Combine(directory, "bot.db")};Pooling=False"))
            {
                await db.OpenAsync();
                await using var update = db.CreateCommand();
                update.CommandText = "UPDATE conversations SET offered_choices = replace(offered_choices, 'kb:article:', 'kb:') WHERE offered_choices LIKE '%kb:article:returns-policy%'";
                Assert.Equal(1, await update.ExecuteNonQueryAsync());
            }

            var knowledge = Script();
            await using var after = await StartAsync(knowledge, directory);
            await new TestConversation(after, ChannelProfiles.Sms, customer)
                .Send("2")
                .ExpectReplyContaining("You have 30 days.")
                .RunAsync();
            Assert.Empty(knowledge.Asked);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
