using System.Globalization;
using Microsoft.AspNetCore.Http;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// The ticket API over <see cref="IHandoffDesk"/>: the queues (<c>GET /api/agent/queues</c>), one ticket
/// (<c>GET /api/agent/tickets/{id}</c>) and the actions (<c>POST /api/agent/tickets/{id}/claim|reply|notes|transfer|resolve|return|template</c>; a template is the
/// way to reach a WhatsApp customer once the reply window has closed, see <see cref="AgentTemplateRequest"/>).
/// A desk outcome maps to 200 <c>{"ok": true}</c>, 404, 409, 422, 400 or 403 with <c>{"error": message}</c>. An agent
/// sees and acts on the tickets of the queues they work only (an admin: every queue); any other ticket is a 404, as
/// if it did not exist.
/// </summary>
internal sealed class AgentTicketApi
{
    public const int MaxTextLength = 4_000;

    private const int MaxBody = 64 * 1024;
    private const int MaxQueueLength = 200;

    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;

    public AgentTicketApi(IServiceProvider services, TimeProvider time)
    {
        _services = services;
        _time = time;
    }

    public static IReadOnlyList<string> Actions { get; } = ["claim", "reply", "notes", "transfer", "resolve", "return", "template"];

    /// <summary>The desk, resolved when first used (it is registered by <c>AddHandoff()</c>).</summary>
    private IHandoffDesk Desk => (IHandoffDesk?)_services.GetService(typeof(IHandoffDesk))
        ?? throw new InvalidOperationException("The agent workspace needs the handoff desk (IHandoffDesk); register it with AddHandoff().");

    /// <summary>
    /// <c>{"now", "agent", "queues": [{"name", "works", "tickets": [...]}], "mine": [...], "assigned": [...]}</c>: queued
    /// tickets in each queue in the desk's order (priority, then waiting time), the agent's own tickets, and the ones
    /// other agents have; only tickets of the queues the agent may act on (every queue is named, with <c>works</c>).
    /// </summary>
    public async Task<IResult> QueuesAsync(HttpContext http, AgentSession session)
    {
        var desk = Desk;
        var agent = session.Agent;
        var open = await desk.ListOpenAsync(agent, http.RequestAborted).ConfigureAwait(false);
        var names = desk.Queues.Concat(open.Select(t => t.Queue)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var queues = names.Select(name => new QueueView(
            name,
            agent.MayActOn(name),
            [.. open.Where(t => t.Status == HandoffTicketStatus.Queued && string.Equals(t.Queue, name, StringComparison.OrdinalIgnoreCase))])).ToList();
        var assigned = open.Where(t => t.Status == HandoffTicketStatus.Assigned).ToList();
        return AgentJson.Ok(new QueuesView(
            _time.GetUtcNow(),
            new AgentView(agent.Id, agent.Name, agent.Queues, agent.Role),
            queues,
            [.. assigned.Where(t => IsMine(t, agent))],
            [.. assigned.Where(t => !IsMine(t, agent))]));
    }

    public async Task<IResult> DetailAsync(HttpContext http, AgentSession session)
    {
        if (TicketId(http) is not { } id)
        {
            return BadId(http);
        }

        var detail = await Desk.GetAsync(id, session.Agent, http.RequestAborted).ConfigureAwait(false);
        return detail is null ? NotFound(id) : AgentJson.Ok(detail);
    }

    public async Task<IResult> ActAsync(HttpContext http, AgentSession session, string action)
    {
        if (TicketId(http) is not { } id)
        {
            return BadId(http);
        }

        var desk = Desk;
        var agent = session.Agent;
        var cancellationToken = http.RequestAborted;
        DeskResult result;
        switch (action)
        {
            case "claim":
                result = await desk.ClaimAsync(id, agent, cancellationToken).ConfigureAwait(false);
                break;
            case "resolve":
                result = await desk.ResolveAsync(id, agent, cancellationToken).ConfigureAwait(false);
                break;
            case "return":
                result = await desk.ReturnToBotAsync(id, agent, cancellationToken).ConfigureAwait(false);
                break;
            case "reply" or "notes":
            {
                var (text, problem) = await ReadFieldAsync(http, "text", MaxTextLength, "{\"text\": \"...\"}").ConfigureAwait(false);
                if (problem is not null)
                {
                    return problem;
                }

                result = action == "reply"
                    ? await desk.ReplyAsync(id, agent, text, cancellationToken).ConfigureAwait(false)
                    : await desk.AddNoteAsync(id, agent, text, cancellationToken).ConfigureAwait(false);
                break;
            }

            case "transfer":
            {
                var (queue, problem) = await ReadFieldAsync(http, "queue", MaxQueueLength, "{\"queue\": \"queue name\"}").ConfigureAwait(false);
                if (problem is not null)
                {
                    return problem;
                }

                result = await desk.TransferAsync(id, agent, queue, cancellationToken).ConfigureAwait(false);
                break;
            }

            case "template":
            {
                var (root, problem) = await AgentJson.ReadObjectAsync(http.Request, MaxBody, AgentTemplateRequest.Shape).ConfigureAwait(false);
                if (problem is not null)
                {
                    return problem;
                }

                var (request, invalid) = AgentTemplateRequest.Parse(root, MaxTextLength);
                if (request is null)
                {
                    return AgentJson.Error(StatusCodes.Status400BadRequest, $"{invalid} Send {AgentTemplateRequest.Shape}.");
                }

                result = await desk.SendTemplateAsync(id, agent, request.Template, request.PreviewText, cancellationToken).ConfigureAwait(false);
                break;
            }

            default:
                return AgentJson.Error(StatusCodes.Status404NotFound, "No such agent API.");
        }

        return ToResult(result, id);
    }

    public static IResult ToResult(DeskResult result, long id) => result.Outcome switch
    {
        DeskOutcome.Ok => AgentJson.Ok(new { ok = true }),
        DeskOutcome.NotFound => AgentJson.Error(StatusCodes.Status404NotFound, result.Message ?? NotFoundMessage(id)),
        DeskOutcome.Conflict => AgentJson.Error(StatusCodes.Status409Conflict, result.Message ?? "Someone else changed this conversation first; reload it."),
        DeskOutcome.Undeliverable => AgentJson.Error(StatusCodes.Status422UnprocessableEntity, result.Message ?? "The customer's channel cannot take a reply now."),
        DeskOutcome.Invalid => AgentJson.Error(StatusCodes.Status400BadRequest, result.Message ?? "The request is not valid for this conversation."),
        DeskOutcome.Forbidden => AgentJson.Error(StatusCodes.Status403Forbidden, result.Message ?? "You may not do this with this conversation."),
        _ => AgentJson.Error(StatusCodes.Status500InternalServerError, $"The desk answered an unknown outcome '{result.Outcome}'."),
    };

    private static async Task<(string Value, IResult? Problem)> ReadFieldAsync(HttpContext http, string name, int maxLength, string shape)
    {
        var (root, problem) = await AgentJson.ReadObjectAsync(http.Request, MaxBody, shape).ConfigureAwait(false);
        if (problem is not null)
        {
            return ("", problem);
        }

        var (value, fieldProblem) = AgentJson.RequiredString(root, name, maxLength);
        return fieldProblem is null ? (value, null) : ("", AgentJson.Error(StatusCodes.Status400BadRequest, $"{fieldProblem} Send {shape}."));
    }

    private static bool IsMine(TicketSummary ticket, AgentIdentity agent) => string.Equals(ticket.AgentId, agent.Id, StringComparison.OrdinalIgnoreCase);

    private static long? TicketId(HttpContext http) =>
        long.TryParse(http.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static IResult BadId(HttpContext http) =>
        AgentJson.Error(StatusCodes.Status400BadRequest, $"'{http.Request.RouteValues["id"]}' is not a ticket number.");

    private static IResult NotFound(long id) => AgentJson.Error(StatusCodes.Status404NotFound, NotFoundMessage(id));

    private static string NotFoundMessage(long id) => string.Create(CultureInfo.InvariantCulture, $"There is no handoff #{id}.");

    private sealed record QueuesView(DateTimeOffset Now, AgentView Agent, IReadOnlyList<QueueView> Queues, IReadOnlyList<TicketSummary> Mine, IReadOnlyList<TicketSummary> Assigned);

    private sealed record QueueView(string Name, bool Works, IReadOnlyList<TicketSummary> Tickets);

    private sealed record AgentView(string Id, string Name, IReadOnlyList<string> Queues, AgentRole Role);
}
