using System.Globalization;
using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>Bot API <c>Update</c> objects for tests: the fixtures in Fixtures/ and small ones built here (Bot API "Update", "Message", "CallbackQuery").</summary>
public static class Updates
{
    public const long ChatId = 123456789;

    /// <summary>The <c>update</c> of a fixture file (<c>{"section": "...", "update": {...}}</c>) with its <c>update_id</c> replaced when given.</summary>
    public static string Fixture(string name, int? updateId = null)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json")))!;
        var update = file["update"]!.AsObject();
        if (updateId is { } id)
        {
            update["update_id"] = id;
        }

        return update.ToJsonString();
    }

    /// <summary>A private-chat text message from the test user.</summary>
    public static string Text(int updateId, string text, long chatId = ChatId) => new JsonObject
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = updateId,
            ["from"] = User(chatId),
            ["chat"] = new JsonObject { ["id"] = chatId, ["first_name"] = "Ada", ["type"] = "private" },
            ["date"] = 1767225600,
            ["text"] = text,
        },
    }.ToJsonString();

    /// <summary>A pressed inline button: the callback query for the bot's message that carried <paramref name="markup"/>.</summary>
    public static string Callback(int updateId, string data, string? markup = null, long chatId = ChatId)
    {
        var message = new JsonObject
        {
            ["message_id"] = 500,
            ["from"] = new JsonObject { ["id"] = FakeTelegramBotApi.BotId, ["is_bot"] = true, ["first_name"] = "Test bot" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["first_name"] = "Ada", ["type"] = "private" },
            ["date"] = 1767225600,
            ["text"] = "Which size?",
        };
        if (markup is not null)
        {
            message["reply_markup"] = JsonNode.Parse(markup);
        }

        return new JsonObject
        {
            ["update_id"] = updateId,
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cbq-" + updateId.ToString(CultureInfo.InvariantCulture),
                ["from"] = User(chatId),
                ["message"] = message,
                ["chat_instance"] = "-42",
                ["data"] = data,
            },
        }.ToJsonString();
    }

    private static JsonObject User(long id) => new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = "Ada", ["language_code"] = "en" };
}
