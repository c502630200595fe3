using System.Net;
using System.Net.Sockets;

namespace Omnichannel.Bots.Testing;

/// <summary>
/// HTTP clients that connect from a chosen loopback address (127.0.0.2, 127.0.0.3, ...) to a host on 127.0.0.1, so a
/// test or a load driver can be "another client" to a limit kept per client address. Linux routes all of 127.0.0.0/8
/// to the loopback interface.
/// </summary>
public static class LoopbackClients
{
    /// <summary>A handler whose connections leave from <paramref name="local"/>; cookies and redirects are left to the caller.</summary>
    public static SocketsHttpHandler Handler(IPAddress local)
    {
        ArgumentNullException.ThrowIfNull(local);
        return new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    /// <summary>A client for <paramref name="baseAddress"/> whose connections leave from <paramref name="local"/>.</summary>
    public static HttpClient Create(Uri baseAddress, IPAddress local) => new(Handler(local)) { BaseAddress = baseAddress };
}
