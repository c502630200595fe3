using System.Net;
using System.Text.Json;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

public sealed class AgentEventStreamTests
{
    /// <summary>Guards every read so a broken stream fails the test instead of hanging it.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Events_PublishedDeskEvent_ArrivesNamedByKindWithJsonData()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();
        await using var stream = await EventStream.OpenAsync(host, session);

        host.Desk.Publish(new DeskEvent(DeskEventKind.Message, 7)
        {
            Message = new PacketMessage { At = host.Time.GetUtcNow(), From = "customer", Channel = "whatsapp", Text = "still there?" },
        });
        host.Desk.Publish(new DeskEvent(DeskEventKind.Ticket, 8) { Ticket = FakeHandoffDesk.Ticket(8) });

        var (name, data) = await stream.NextEventAsync();
        Assert.Equal("message", name);
        Assert.Equal(7, data.GetProperty("ticketId").GetInt64());
        Assert.Equal("Message", data.GetProperty("kind").GetString());
        Assert.Equal("still there?", data.GetProperty("message").GetProperty("text").GetString());
        var (secondName, second) = await stream.NextEventAsync();
        Assert.Equal("ticket", secondName);
        Assert.Equal("Queued", second.GetProperty("ticket").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Events_TicketsOfQueuesTheAgentDoesNotWork_AreNotSent()
    {
        await using var host = await WorkspaceHost.StartAsync();
        await using var bob = await EventStream.OpenAsync(host, await host.SignInAsync("bob", WorkspaceHost.BobPassword));
        await using var alice = await EventStream.OpenAsync(host, await host.SignInAsync());

        host.Desk.Publish(new DeskEvent(DeskEventKind.Note, 1) { Queue = "general", Note = new HandoffNote(1, 1, "alice", "general only", host.Time.GetUtcNow()) });
        host.Desk.Publish(new DeskEvent(DeskEventKind.Ticket, 2) { Ticket = FakeHandoffDesk.Ticket(2) });
        host.Desk.Publish(new DeskEvent(DeskEventKind.Message, 3) { Message = new PacketMessage { At = host.Time.GetUtcNow(), From = "customer", Channel = "webchat", Text = "no queue" } });
        host.Desk.Publish(new DeskEvent(DeskEventKind.Ticket, 4) { Ticket = FakeHandoffDesk.Ticket(4, "Billing") });

        // Events arrive in order: bob's first is the billing ticket, so the general ones before it were never sent to him.
        Assert.Equal(4, (await bob.NextEventAsync()).Data.GetProperty("ticketId").GetInt64());
        var seenByAlice = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            seenByAlice.Add((await alice.NextEventAsync()).Data.GetProperty("ticketId").GetInt64());
        }

        Assert.Equal([1L, 2L, 3L, 4L], seenByAlice);
    }

    [Fact]
    public async Task Events_AfterQuietInterval_SendsHeartbeatComment()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();
        await using var stream = await EventStream.OpenAsync(host, session);
        host.Desk.Publish(new DeskEvent(DeskEventKind.Ticket, 1) { Ticket = FakeHandoffDesk.Ticket(1) });
        await stream.NextEventAsync(); // the pump is now waiting on both the feed and the heartbeat timer

        host.Time.Advance(AgentWorkspaceHeartbeat);

        Assert.Equal(": heartbeat", await stream.NextLineAsync());
    }

    [Fact]
    public async Task Events_SessionSignedOut_StreamEndsAtNextHeartbeat()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();
        await using var stream = await EventStream.OpenAsync(host, session);
        host.Desk.Publish(new DeskEvent(DeskEventKind.Ticket, 1) { Ticket = FakeHandoffDesk.Ticket(1) });
        await stream.NextEventAsync();
        using (var signOut = await host.SendAsync(HttpMethod.Delete, "/api/agent/session", session))
        {
            Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        }

        host.Time.Advance(AgentWorkspaceHeartbeat);

        Assert.Equal("signedout", (await stream.NextEventAsync()).Name);
        Assert.Null(await stream.NextLineAsync());
        await Eventually.UntilAsync(() => host.Desk.SubscriberCount == 0, "the desk subscription to be disposed");
    }

    [Fact]
    public async Task Events_OpenStream_AgentPresentUntilClientDisconnects()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var presence = (IAgentPresence)host.Services.GetService(typeof(IAgentPresence))!;
        var session = await host.SignInAsync();
        var stream = await EventStream.OpenAsync(host, session);
        host.Time.Advance(TimeSpan.FromMinutes(5)); // past "recent activity": only the open stream keeps alice present

        Assert.Equal("alice", Assert.Single(presence.Present("general")).Id);
        await stream.DisposeAsync();

        await Eventually.UntilAsync(() => host.Desk.SubscriberCount == 0, "the server to notice the client left");
        await Eventually.UntilAsync(() => presence.Present(null).Count == 0, "alice to be gone");
    }

    [Fact]
    public async Task Events_HostStopping_StreamEndsCleanly()
    {
        await using var host = await WorkspaceHost.StartAsync();
        var session = await host.SignInAsync();
        await using var stream = await EventStream.OpenAsync(host, session);

        var stopping = host.StopAsync();

        Assert.Null(await stream.NextLineAsync());
        await stopping.WaitAsync(Guard);
        Assert.Equal(0, host.Desk.SubscriberCount);
    }

    private static TimeSpan AgentWorkspaceHeartbeat => global::Omnichannel.Bots.Handoff.Workspace.AgentEventStream.Heartbeat;

    /// <summary>An open <c>GET /api/agent/events</c> read line by line.</summary>
    private sealed class EventStream : IAsyncDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private EventStream(HttpResponseMessage response, StreamReader reader)
        {
            _response = response;
            _reader = reader;
        }

        public static async Task<EventStream> OpenAsync(WorkspaceHost host, string session)
        {
            var request = WorkspaceHost.Request(HttpMethod.Get, "/api/agent/events", session);
            var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            var stream = new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
            Assert.Equal("retry: 3000", await stream.NextLineAsync());
            Assert.Equal(": connected", await stream.NextLineAsync());
            return stream;
        }

        /// <summary>
        /// The next non-empty line, or null only when the server ended the response in order (the chunked body's
        /// terminator). A read error (the connection reset or aborted: IOException, HttpRequestException) is not an
        /// end: it propagates and fails the test.
        /// </summary>
        public async Task<string?> NextLineAsync()
        {
            using var timeout = new CancellationTokenSource(Guard);
            while (true)
            {
                var line = await _reader.ReadLineAsync(timeout.Token);
                if (line is null || line.Length > 0)
                {
                    return line;
                }
            }
        }

        public async Task<(string Name, JsonElement Data)> NextEventAsync()
        {
            string? line;
            while ((line = await NextLineAsync()) is not null && !line.StartsWith("event: ", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            var data = await NextLineAsync();
            Assert.StartsWith("data: ", data, StringComparison.Ordinal);
            return (line["event: ".Length..], JsonDocument.Parse(data!["data: ".Length..]).RootElement.Clone());
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            _response.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
