using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Inbound;

namespace Omnichannel.Bots.Adapters.Conformance.Tests;

/// <summary>
/// The loopback channel's webhook: <c>{"id","from","text"}</c> signed with <see cref="LoopbackChannel.SignatureHeader"/>
/// over the raw body; 413 over the limit, 401 for a bad signature, 400 for a body that is not such a message.
/// </summary>
public sealed class LoopbackWebhook(IMessageInbox inbox, TimeProvider time) : IBotEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(LoopbackChannel.Path, ReceiveAsync);

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var (body, problem) = await RequestBody.ReadAsync(request, LoopbackChannel.MaxBodyBytes);
        if (problem is not null)
        {
            return Results.Problem(problem.Message, statusCode: problem.StatusCode);
        }

        if (!LoopbackChannel.Signatures.IsValid(body, request.Headers[LoopbackChannel.SignatureHeader]))
        {
            return Results.Problem("The signature is missing or wrong.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var (document, invalid) = RequestBody.ParseJson(body, request);
        if (invalid is not null)
        {
            return Results.Problem(invalid.Message, statusCode: invalid.StatusCode);
        }

        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "id") is not { } id || Text(root, "from") is not { } from || Text(root, "text") is not { } text)
            {
                return Results.Problem("The body must be an object with string id, from and text.", statusCode: StatusCodes.Status400BadRequest);
            }

            var message = new BotMessage
            {
                Id = id,
                Channel = LoopbackChannel.Id,
                Conversation = new ConversationAddress(LoopbackChannel.Account, from),
                Sender = new Participant(from),
                Text = text,
                Timestamp = time.GetUtcNow(),
            };
            if (!InboundMessage.TryCreate(message, out var inbound, out var problems))
            {
                return Results.Problem(string.Join(" ", problems), statusCode: StatusCodes.Status400BadRequest);
            }

            await inbox.SubmitAsync(inbound, request.HttpContext.RequestAborted);
            return Results.Ok();
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
