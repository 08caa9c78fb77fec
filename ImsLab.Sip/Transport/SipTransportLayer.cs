using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ImsLab.Sip.Messages;
using Microsoft.Extensions.Logging;

namespace ImsLab.Sip.Transport;

/// <summary>
/// Every socket of the stack: UDP channels, TCP listeners and the table of open TCP connections. Hands received
/// messages to one sink and sends where it is told; it never looks at transactions.
/// </summary>
internal sealed class SipTransportLayer : IAsyncDisposable
{
    private readonly SipTransportOptions _options;
    private readonly TimeProvider _time;
    private readonly SipMetrics _metrics;
    private readonly ILogger _logger;
    private readonly List<SipUdpChannel> _udp = [];
    private readonly List<SipTcpListener> _tcp = [];
    private readonly ConcurrentDictionary<long, SipTcpConnection> _connections = new();
    private readonly ConcurrentDictionary<IPEndPoint, SipTcpConnection> _connectionsByRemote = new();
    private readonly ConcurrentDictionary<SipTcpConnection, Task> _connectionTasks = new();
    private readonly Lazy<string> _hostName = new(Dns.GetHostName);
    private SipInboundProcessor? _inbound;
    private long _lastConnectionId;
    private volatile bool _stopped;

    public SipTransportLayer(SipTransportOptions options, TimeProvider time, SipMetrics metrics, ILogger logger)
    {
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    public IReadOnlyList<SipFlowEndpoint> BoundEndpoints { get; private set; } = [];

    public int OpenConnectionCount => _connections.Count;

    /// <summary>Binds every configured listener (throws if one cannot be bound) and starts receiving. Called once, by the stack.</summary>
    public void Start(ISipInboundSink sink)
    {
        _inbound = new SipInboundProcessor(this, sink, _options, _time, _metrics, _logger);
        var endpoints = new List<SipFlowEndpoint>();
        foreach (var listener in _options.Listeners)
        {
            if (listener.Protocol == SipTransportProtocol.Udp)
            {
                var channel = new SipUdpChannel(listener, _metrics, _logger);
                _udp.Add(channel);
                endpoints.Add(channel.Endpoint);
            }
            else
            {
                var tcp = new SipTcpListener(listener, _logger);
                _tcp.Add(tcp);
                endpoints.Add(tcp.Endpoint);
            }
        }

        BoundEndpoints = endpoints;
        foreach (var channel in _udp)
        {
            channel.Start(_inbound);
        }

        foreach (var tcp in _tcp)
        {
            tcp.Start(OnAccepted);
        }

        foreach (var endpoint in endpoints)
        {
            SipTransportLog.Listening(_logger, endpoint);
        }
    }

    /// <summary>
    /// Sends one serialized message along <paramref name="flow"/>: UDP from the socket bound at its local endpoint (or
    /// one of the same family); TCP on its connection while open, else on an open connection to its remote endpoint,
    /// else on a new connection. Returns the flow actually used, or null when sending failed (logged and counted).
    /// </summary>
    public async ValueTask<SipFlow?> SendAsync(ReadOnlyMemory<byte> message, SipFlow flow, CancellationToken ct)
    {
        if (_stopped)
        {
            // Transaction timers may still fire during shutdown; they must not open new connections.
            return null;
        }

        if (flow.Transport == SipTransportProtocol.Udp)
        {
            var channel = UdpChannelFor(flow.Local, flow.Remote.AddressFamily);
            if (channel is null)
            {
                SipTransportLog.SendFailed(_logger, flow.Remote, flow.Transport, "no UDP listener of that address family");
                return null;
            }

            if (!await channel.SendAsync(message, flow.Remote, ct).ConfigureAwait(false))
            {
                return null;
            }

            return flow.Local.Equals(channel.LocalEndPoint) ? flow : flow with { Local = channel.LocalEndPoint };
        }

        var connection = OpenConnectionFor(flow) ?? await ConnectAsync(flow.Remote, ct).ConfigureAwait(false);
        if (connection is null || !connection.TrySend(message))
        {
            _metrics.Dropped(SipDropReason.SendFailed);
            return null;
        }

        return connection.Flow;
    }

    /// <summary>
    /// Sends a response built outside any transaction (a rejection of an unparseable request) per RFC 3261 18.2.2; when
    /// its top Via is itself unusable, straight back where the request came from (RFC 3581's symmetric response).
    /// </summary>
    public void SendResponseInBackground(SipResponse response, SipFlow requestFlow)
    {
        var target = response.TopVia is { } via ? SipResponseRouting.Resolve(via, requestFlow) : null;
        _ = SendLoggedAsync(response, target ?? requestFlow);
    }

    /// <summary>The sent-by (host[:port]) for a Via we add to a request leaving over <paramref name="flow"/> (RFC 3261 18.1.1).</summary>
    public string SentByFor(SipFlow flow)
    {
        var family = flow.Remote.AddressFamily;
        var (options, local) = flow.Transport == SipTransportProtocol.Udp
            ? UdpChannelFor(flow.Local, family) is { } udp ? (udp.Options, udp.LocalEndPoint) : default
            : _tcp.Find(t => t.LocalEndPoint.AddressFamily == family) is { } tcp ? (tcp.Options, tcp.LocalEndPoint) : default;
        if (options is null || local is null)
        {
            local = flow.Local;
        }

        var host = options?.AdvertisedHost ?? HostLiteral(local.Address);
        return host + ":" + local.Port.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A flow to <paramref name="remote"/> that leaves from our listener of that transport and address family.</summary>
    public SipFlow FlowTo(SipTransportProtocol transport, IPEndPoint remote)
    {
        var family = remote.AddressFamily;
        var local = transport == SipTransportProtocol.Udp
            ? UdpChannelFor(new IPEndPoint(IPAddress.None, 0), family)?.LocalEndPoint
            : _tcp.Find(t => t.LocalEndPoint.AddressFamily == family)?.LocalEndPoint;
        local ??= new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        return new SipFlow(transport, local, remote);
    }

    private async Task SendLoggedAsync(SipMessage message, SipFlow flow)
    {
        var sent = await SendAsync(message.WireBytes(), flow, CancellationToken.None).ConfigureAwait(false);
        if (sent is not null && _logger.IsEnabled(LogLevel.Trace))
        {
            SipTransportLog.MessageSent(_logger, sent, SipLogRedactor.Render(message));
        }
    }

    private SipUdpChannel? UdpChannelFor(IPEndPoint local, AddressFamily family)
    {
        foreach (var channel in _udp)
        {
            if (channel.LocalEndPoint.Equals(local))
            {
                return channel;
            }
        }

        return _udp.Find(c => c.LocalEndPoint.AddressFamily == family);
    }

    /// <summary>
    /// True when a message sent along <paramref name="flow"/> would go over the flow itself: always for UDP, and for TCP
    /// while its connection (or another open connection with the same remote endpoint) exists. A TCP flow whose
    /// connection is gone can only be "reached" by connecting to its remote port, which for a flow the peer opened is
    /// an ephemeral source port nobody listens on.
    /// </summary>
    public bool IsFlowOpen(SipFlow flow) => flow.Transport == SipTransportProtocol.Udp || OpenConnectionFor(flow) is not null;

    private SipTcpConnection? OpenConnectionFor(SipFlow flow)
    {
        // The id wins over the remote endpoint: a response follows its request's connection even when its Via names
        // another address (RFC 3261 18.2.2). Stored flows come back from an earlier run without their id
        // (BindingFlows.FromEarlierRun), so an id here always names a connection of this process.
        if (flow.ConnectionId != 0 && _connections.TryGetValue(flow.ConnectionId, out var byId) && byId.IsOpen)
        {
            return byId;
        }

        return _connectionsByRemote.TryGetValue(flow.Remote, out var byRemote) && byRemote.IsOpen ? byRemote : null;
    }

    private async Task<SipTcpConnection?> ConnectAsync(IPEndPoint remote, CancellationToken ct)
    {
        if (_connections.Count >= _options.MaxTcpConnections)
        {
            SipTransportLog.ConnectionLimitReached(_logger, remote, _options.MaxTcpConnections);
            return null;
        }

        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(_options.TcpConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, ct);
        try
        {
            await socket.ConnectAsync(remote, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            ct.ThrowIfCancellationRequested();
            SipTransportLog.SendFailed(_logger, remote, SipTransportProtocol.Tcp, e.Message);
            return null;
        }

        return Register(socket);
    }

    private void OnAccepted(Socket socket)
    {
        if (_connections.Count >= _options.MaxTcpConnections)
        {
            _metrics.Dropped(SipDropReason.ConnectionLimit);
            SipTransportLog.ConnectionLimitReached(_logger, (IPEndPoint)socket.RemoteEndPoint!, _options.MaxTcpConnections);
            socket.Dispose();
            return;
        }

        Register(socket);
    }

    private SipTcpConnection Register(Socket socket)
    {
        var connection = new SipTcpConnection(Interlocked.Increment(ref _lastConnectionId), socket, _options, _time, _metrics, _logger);
        _connections[connection.Id] = connection;
        _connectionsByRemote[connection.Flow.Remote] = connection;
        _metrics.ConnectionOpened();
        SipTransportLog.ConnectionOpened(_logger, connection.Id, connection.Flow.Local, connection.Flow.Remote);
        _connectionTasks[connection] = RunConnectionAsync(connection);
        return connection;
    }

    private async Task RunConnectionAsync(SipTcpConnection connection)
    {
        await Task.Yield();
        try
        {
            await connection.RunAsync(_inbound!).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            _connectionsByRemote.TryRemove(new KeyValuePair<IPEndPoint, SipTcpConnection>(connection.Flow.Remote, connection));
            _connectionTasks.TryRemove(connection, out _);
            _metrics.ConnectionClosed();
        }
    }

    private string HostLiteral(IPAddress address)
    {
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            // A wildcard is no address for a peer to use; the host name is a valid sent-by (RFC 3261 18.1.1) and peers
            // that honour received/rport (RFC 3581) answer the packet's source anyway.
            return _hostName.Value;
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _stopped = true;
        foreach (var tcp in _tcp)
        {
            await tcp.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var channel in _udp)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var connection in _connections.Values)
        {
            connection.Close(SipConnectionCloseReason.Shutdown);
        }

        await Task.WhenAll(_connectionTasks.Values).ConfigureAwait(false);
    }
}
