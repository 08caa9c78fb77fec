using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Transport;

/// <summary>One bound UDP socket: a receive loop that feeds datagrams to the inbound processor, and sending.</summary>
internal sealed class SipUdpChannel : SipSocketListener
{
    // RFC 3261 18.1.1 / IPv4 and IPv6 limits: no datagram is larger than this.
    private const int MaxDatagramBytes = 65_535;

    // Peers remembered per receive loop; a lab's UEs and load generators fit many times over.
    private const int FlowCacheCapacity = 16_384;

    private readonly SipMetrics _metrics;
    private readonly ILogger _logger;

    public SipUdpChannel(SipListenerOptions options, SipMetrics metrics, ILogger logger)
        : base(options, SocketType.Dgram, ProtocolType.Udp, SipTransportProtocol.Udp)
    {
        _metrics = metrics;
        _logger = logger;
        if (options.ReceiveBufferBytes > 0)
        {
            Socket.ReceiveBufferSize = options.ReceiveBufferBytes;
        }
    }

    /// <summary>
    /// Starts the receive loops. Several receives wait on the socket at once, so datagrams keep being drained and
    /// parsed on another core while one loop's thread is descheduled; UDP promises no order, and the transaction layer
    /// is safe for concurrent messages.
    /// </summary>
    public void Start(SipInboundProcessor inbound) =>
        StartLoops(Options.ReceiveLoops > 0 ? Options.ReceiveLoops : Environment.ProcessorCount, ct => ReceiveLoopAsync(inbound, ct));

    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> datagram, IPEndPoint remote, CancellationToken ct)
    {
        try
        {
            await Socket.SendToAsync(datagram, SocketFlags.None, remote, ct).ConfigureAwait(false);
            _metrics.MessageSent(SipTransportProtocol.Udp);
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            _metrics.Dropped(SipDropReason.SendFailed);
            SipTransportLog.SendFailed(_logger, remote, SipTransportProtocol.Udp, e.Message);
            return false;
        }
    }

    private async Task ReceiveLoopAsync(SipInboundProcessor inbound, CancellationToken ct)
    {
        // One buffer for the loop's life: parsing copies what it keeps, so the next datagram can reuse it.
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagramBytes, pinned: true);
        var address = new SocketAddress(Socket.AddressFamily);
        var flows = new SipUdpFlowCache(LocalEndPoint, FlowCacheCapacity);
        while (!ct.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await Socket.ReceiveFromAsync(buffer, SocketFlags.None, address, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.OperationAborted or SocketError.Shutdown or SocketError.Interrupted)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP errors for earlier sends surface here on some platforms (ConnectionReset); the socket is still good.
                continue;
            }

            try
            {
                inbound.Process(buffer.AsSpan(0, length), flows.Get(address));
            }
            catch (Exception e)
            {
                // The parser never throws for bad input; this guards the loop against a bug above it.
                SipTransportLog.ReceiveLoopFailed(_logger, Endpoint, e);
            }
        }
    }
}
