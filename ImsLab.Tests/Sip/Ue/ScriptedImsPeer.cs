using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using ImsLab.Sip.Messages;
using ImsLab.Sip.Parsing;
using ImsLab.Sip.Transport;

namespace ImsLab.Tests.Sip.Ue;

/// <summary>
/// The network side of a UE test, in the manner of npgsql's PgServerMock: a raw loopback UDP socket or TCP listener
/// that hands the test every request the UE sends, lets the test answer it, and sends NOTIFYs back the way a
/// registrar does (to the UE's UDP source, or down the UE's TCP connection). No SIP stack of ours on this side: the
/// bytes are parsed with the message parser and written with the serializer, nothing else.
/// </summary>
internal sealed class ScriptedImsPeer : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private readonly Channel<PeerRequest> _requests = Channel.CreateUnbounded<PeerRequest>();
    private readonly Channel<SipResponse> _responses = Channel.CreateUnbounded<SipResponse>();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly Socket? _udp;
    private readonly TcpListener? _tcp;
    private readonly List<TcpClient> _connections = [];
    private long _branch;

    private ScriptedImsPeer(SipTransportProtocol protocol)
    {
        Protocol = protocol;
        if (protocol == SipTransportProtocol.Udp)
        {
            _udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            EndPoint = (IPEndPoint)_udp.LocalEndPoint!;
            _loops.Add(Task.Run(ReceiveDatagramsAsync));
        }
        else
        {
            _tcp = new TcpListener(IPAddress.Loopback, 0);
            _tcp.Start();
            EndPoint = (IPEndPoint)_tcp.LocalEndpoint;
            _loops.Add(Task.Run(AcceptAsync));
        }
    }

    public SipTransportProtocol Protocol { get; }

    public IPEndPoint EndPoint { get; }

    /// <summary>Every request received so far, in order (retransmissions included).</summary>
    public List<SipRequest> Received { get; } = [];

    /// <summary>Messages from the UE the parser refused (a test asserts none).</summary>
    public List<string> ParseFailures { get; } = [];

    public static ScriptedImsPeer Start(SipTransportProtocol protocol) => new(protocol);

    /// <summary>The next request from the UE; fails the test if none arrives in time.</summary>
    public async Task<PeerRequest> ReceiveAsync(string method)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        var request = await _requests.Reader.ReadAsync(timeout.Token);
        lock (ParseFailures) Assert.Empty(ParseFailures);
        Assert.Equal(method, request.Request.Method);
        return request;
    }

    /// <summary>True when a request arrived that the test has not read yet.</summary>
    public bool HasUnreadRequest => _requests.Reader.TryPeek(out _);

    public Task RespondAsync(PeerRequest to, int statusCode, Action<SipResponse>? shape = null)
    {
        var response = SipResponse.CreateFor(to.Request, statusCode);
        if (statusCode >= 200 && to.Request.To?.Tag is null) response.Headers.Set(SipHeaderNames.To, $"{to.Request.Headers.GetFirst(SipHeaderNames.To)};tag=peer{to.Request.CSeq?.Number}");
        shape?.Invoke(response);
        return SendAsync(response.ToBytes(), to.Source);
    }

    /// <summary>Sends a request (a NOTIFY) back along <paramref name="along"/>'s path and returns the UE's final response.</summary>
    public async Task<SipResponse> SendRequestAsync(SipRequest request, PeerRequest along)
    {
        // RFC 3261 8.1.1.7: a Via with a magic-cookie branch of our own.
        request.Headers.Insert(0, SipHeaderNames.Via, $"SIP/2.0/{(Protocol == SipTransportProtocol.Udp ? "UDP" : "TCP")} {EndPoint};branch=z9hG4bKpeer{Interlocked.Increment(ref _branch)}");
        await SendAsync(request.ToBytes(), along.Source);
        using var timeout = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var response = await _responses.Reader.ReadAsync(timeout.Token);
            if (response.StatusCode >= 200) return response;
        }
    }

    private async Task SendAsync(byte[] bytes, PeerSource source)
    {
        if (source.Connection is { } connection)
        {
            await connection.GetStream().WriteAsync(bytes);
            return;
        }
        await _udp!.SendToAsync(bytes, SocketFlags.None, source.EndPoint);
    }

    private async Task ReceiveDatagramsAsync()
    {
        var buffer = new byte[65535];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp!.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Deliver(buffer.AsSpan(0, received.ReceivedBytes), new PeerSource((IPEndPoint)received.RemoteEndPoint, null));
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _tcp!.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_connections) _connections.Add(client);
            _loops.Add(Task.Run(() => ReadConnectionAsync(client)));
        }
    }

    private async Task ReadConnectionAsync(TcpClient client)
    {
        var source = new PeerSource((IPEndPoint)client.Client.RemoteEndPoint!, client);
        var reader = PipeReader.Create(client.GetStream());
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(_stop.Token);
                var buffer = read.Buffer;
                while (true)
                {
                    var framed = SipStreamFramer.TryFrame(buffer, SipParserLimits.Default, out var consumed, out var frame);
                    if (framed == SipFrameResult.NeedMoreData) break;
                    if (framed == SipFrameResult.Message) Deliver(frame.ToArray(), source);
                    buffer = buffer.Slice(consumed);
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private void Deliver(ReadOnlySpan<byte> bytes, PeerSource source)
    {
        var parsed = SipMessageParser.Parse(bytes, SipParserLimits.Default);
        if (!parsed.Success)
        {
            lock (ParseFailures) ParseFailures.Add($"{parsed.Error}: {parsed.ErrorDetail}");
            return;
        }
        switch (parsed.Message)
        {
            case SipRequest request:
                lock (Received) Received.Add(request);
                _requests.Writer.TryWrite(new PeerRequest(request, source));
                break;
            case SipResponse response:
                _responses.Writer.TryWrite(response);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp?.Dispose();
        _tcp?.Stop();
        lock (_connections) foreach (var connection in _connections) connection.Dispose();
        try { await Task.WhenAll(_loops); } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}

/// <summary>Where a request came from: a UDP source address, or a TCP connection.</summary>
internal sealed record PeerSource(IPEndPoint EndPoint, TcpClient? Connection);

/// <summary>A request the peer received, with the path back to its sender.</summary>
internal sealed record PeerRequest(SipRequest Request, PeerSource Source);
