using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Transport;

/// <summary>One listening TCP socket and its accept loop; accepted sockets go to the transport layer.</summary>
internal sealed class SipTcpListener : IAsyncDisposable
{
    private const int Backlog = 512;

    private readonly Socket _socket;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _acceptLoop = Task.CompletedTask;

    private SipTcpListener(Socket socket, SipListenerOptions options, ILogger logger)
    {
        _socket = socket;
        _logger = logger;
        Options = options;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        Endpoint = new SipFlowEndpoint(SipTransportProtocol.Tcp, LocalEndPoint);
    }

    public SipListenerOptions Options { get; }

    public IPEndPoint LocalEndPoint { get; }

    public SipFlowEndpoint Endpoint { get; }

    public static SipTcpListener Bind(SipListenerOptions options, ILogger logger)
    {
        var socket = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (options.Address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.Bind(new IPEndPoint(options.Address, options.Port));
            socket.Listen(Backlog);
            return new SipTcpListener(socket, options, logger);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Start(Action<Socket> onAccepted) => _acceptLoop = Task.Run(() => AcceptLoopAsync(onAccepted));

    private async Task AcceptLoopAsync(Action<Socket> onAccepted)
    {
        var ct = _stopping.Token;
        while (!ct.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _socket.AcceptAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // A connection reset before accept completed, or descriptors exhausted: keep accepting.
                SipTransportLog.ReceiveLoopFailed(_logger, Endpoint, e);
                continue;
            }

            accepted.NoDelay = true;
            onAccepted(accepted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
