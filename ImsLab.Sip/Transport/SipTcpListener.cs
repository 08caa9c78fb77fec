using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Transport;

/// <summary>One listening TCP socket and its accept loop; accepted sockets go to the transport layer.</summary>
internal sealed class SipTcpListener : SipSocketListener
{
    private const int Backlog = 512;

    private readonly ILogger _logger;

    public SipTcpListener(SipListenerOptions options, ILogger logger)
        : base(options, SocketType.Stream, ProtocolType.Tcp, SipTransportProtocol.Tcp)
    {
        _logger = logger;
        Socket.Listen(Backlog);
    }

    public void Start(Action<Socket> onAccepted) => StartLoops(1, ct => AcceptLoopAsync(onAccepted, ct));

    private async Task AcceptLoopAsync(Action<Socket> onAccepted, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await Socket.AcceptAsync(ct).ConfigureAwait(false);
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
}
