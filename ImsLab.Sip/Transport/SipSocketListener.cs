using System.Net;
using System.Net.Sockets;

namespace ImsLab.Sip.Transport;

/// <summary>A bound listening socket and the loops that serve it (receive for UDP, accept for TCP).</summary>
internal abstract class SipSocketListener : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    protected SipSocketListener(SipListenerOptions options, SocketType type, ProtocolType protocol, SipTransportProtocol transport)
    {
        Socket = new Socket(options.Address.AddressFamily, type, protocol);
        try
        {
            if (options.Address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // IPv4 gets its own listener: flows keep plain IPv4 addresses instead of IPv4-mapped IPv6 ones.
                Socket.DualMode = false;
            }

            Socket.Bind(new IPEndPoint(options.Address, options.Port));
        }
        catch
        {
            Socket.Dispose();
            throw;
        }

        Options = options;
        LocalEndPoint = (IPEndPoint)Socket.LocalEndPoint!;
        Endpoint = new SipFlowEndpoint(transport, LocalEndPoint);
    }

    public SipListenerOptions Options { get; }

    public IPEndPoint LocalEndPoint { get; }

    public SipFlowEndpoint Endpoint { get; }

    protected Socket Socket { get; }

    protected void StartLoops(int count, Func<CancellationToken, Task> loop)
    {
        var stopping = _stopping.Token;
        _loop = Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(() => loop(stopping))));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Socket.Dispose();
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
