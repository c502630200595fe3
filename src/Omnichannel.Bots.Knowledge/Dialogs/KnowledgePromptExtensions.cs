namespace Omnichannel.Bots.Knowledge;

/// <summary>Makes a menu fall back to the knowledge base.</summary>
public static class KnowledgePromptExtensions
{
    /// <summary>
    /// This menu, where a message that picks no option is taken as a question for the knowledge base (see
    /// <see cref="QuestionOrChoicePrompt"/>): <c>Menu.OrQuestion().AnswerFromCurrentMessage()</c>.
    /// </summary>
    public static QuestionOrChoicePrompt OrQuestion(this ChoicePrompt menu) => new(menu);
}
