using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// <c>GET /api/agent/events</c>: server-sent events from <see cref="IHandoffDesk.Subscribe"/>. Each event's name is
/// its kind in lower case (<c>ticket</c>, <c>message</c>, <c>note</c>) and its data the camelCase JSON of the
/// <see cref="DeskEvent"/>; only events of tickets in the queues the agent may act on are sent (by the event's queue
/// at the time, so a ticket transferred out of the agent's queues is not followed there). A comment line every 15 seconds keeps proxies from closing the stream; the stream ends
/// when the client goes, the session ends, or the host stops. An open stream counts as the agent being present.
/// </summary>
internal sealed class AgentEventStream
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private readonly IServiceProvider _services;
    private readonly AgentSessions _sessions;
    private readonly IAgentPresence _presence;
    private readonly TimeProvider _time;

    public AgentEventStream(IServiceProvider services, AgentSessions sessions, IAgentPresence presence, TimeProvider time)
    {
        _services = services;
        _sessions = sessions;
        _presence = presence;
        _time = time;
    }

    public async Task<IResult> StreamAsync(HttpContext http, AgentSession session)
    {
        var desk = _services.GetService<IHandoffDesk>()
            ?? throw new InvalidOperationException("The agent workspace needs the handoff desk (IHandoffDesk); register it with AddHandoff().");
        var stopping = _services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        using var subscription = desk.Subscribe();
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        _presence.Connected(session.Agent);
        try
        {
            await PumpAsync(response, subscription, session, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away or the host is stopping.
        }
        catch (IOException)
        {
            // The connection broke while writing.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            _presence.Disconnected(session.Agent);
        }

        return Results.Empty;
    }

    private async Task PumpAsync(HttpResponse response, DeskSubscription subscription, AgentSession session, CancellationToken cancellationToken)
    {
        await WriteAsync(response, "retry: 3000\n: connected\n\n", cancellationToken).ConfigureAwait(false);
        var reader = subscription.Events;
        var waiting = reader.WaitToReadAsync(cancellationToken).AsTask();
        var beat = Task.Delay(Heartbeat, _time, cancellationToken);
        while (true)
        {
            var done = await Task.WhenAny(waiting, beat).ConfigureAwait(false);
            if (done == beat)
            {
                await beat.ConfigureAwait(false);
                if (!_sessions.IsLive(session))
                {
                    await WriteAsync(response, "event: signedout\ndata: {}\n\n", cancellationToken).ConfigureAwait(false);
                    return;
                }

                await WriteAsync(response, ": heartbeat\n\n", cancellationToken).ConfigureAwait(false);
                beat = Task.Delay(Heartbeat, _time, cancellationToken);
                continue;
            }

            if (!await waiting.ConfigureAwait(false))
            {
                return;
            }

            var text = new StringBuilder();
            while (reader.TryRead(out var deskEvent))
            {
                if (!session.Agent.MayActOn(deskEvent.Queue ?? deskEvent.Ticket?.Queue))
                {
                    continue;
                }

                text.Append("event: ").Append(Name(deskEvent.Kind)).Append('\n')
                    .Append("data: ").Append(JsonSerializer.Serialize(deskEvent, AgentJson.Options)).Append("\n\n");
            }

            if (text.Length > 0)
            {
                await WriteAsync(response, text.ToString(), cancellationToken).ConfigureAwait(false);
            }

            waiting = reader.WaitToReadAsync(cancellationToken).AsTask();
        }
    }

    public static string Name(DeskEventKind kind) => kind switch
    {
        DeskEventKind.Ticket => "ticket",
        DeskEventKind.Message => "message",
        DeskEventKind.Note => "note",
        _ => "update",
    };

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
