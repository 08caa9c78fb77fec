using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Transport;

/// <summary>One bound UDP socket: a receive loop that feeds datagrams to the inbound processor, and sending.</summary>
internal sealed class SipUdpChannel : IAsyncDisposable
{
    // RFC 3261 18.1.1 / IPv4 and IPv6 limits: no datagram is larger than this.
    private const int MaxDatagramBytes = 65_535;

    private readonly Socket _socket;
    private readonly SipMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _receiveLoop = Task.CompletedTask;

    private SipUdpChannel(Socket socket, SipListenerOptions options, SipMetrics metrics, ILogger logger)
    {
        _socket = socket;
        _metrics = metrics;
        _logger = logger;
        Options = options;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        Endpoint = new SipFlowEndpoint(SipTransportProtocol.Udp, LocalEndPoint);
    }

    public SipListenerOptions Options { get; }

    public IPEndPoint LocalEndPoint { get; }

    public SipFlowEndpoint Endpoint { get; }

    public static SipUdpChannel Bind(SipListenerOptions options, SipMetrics metrics, ILogger logger)
    {
        var socket = new Socket(options.Address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (options.Address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // IPv4 gets its own listener: keep addresses in flows unmapped.
                socket.DualMode = false;
            }

            socket.Bind(new IPEndPoint(options.Address, options.Port));
            return new SipUdpChannel(socket, options, metrics, logger);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Start(SipInboundProcessor inbound) =>
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(inbound));

    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> datagram, IPEndPoint remote, CancellationToken ct)
    {
        try
        {
            await _socket.SendToAsync(datagram, SocketFlags.None, remote, ct).ConfigureAwait(false);
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

    private async Task ReceiveLoopAsync(SipInboundProcessor inbound)
    {
        // One buffer for the loop's life: parsing copies what it keeps, so the next datagram can reuse it.
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagramBytes, pinned: true);
        var address = new SocketAddress(_socket.AddressFamily);
        var ct = _stopping.Token;
        while (!ct.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, address, ct).ConfigureAwait(false);
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
                var remote = (IPEndPoint)LocalEndPoint.Create(address);
                inbound.Process(buffer.AsSpan(0, length), new SipFlow(SipTransportProtocol.Udp, LocalEndPoint, remote));
            }
            catch (Exception e)
            {
                // The parser never throws for bad input; this guards the loop against a bug above it.
                SipTransportLog.ReceiveLoopFailed(_logger, Endpoint, e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receiveLoop.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
